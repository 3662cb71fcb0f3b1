using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchContent",
                table: "Messages",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Raw SQL: the model is the same for every provider and has no tsvector. An expression index (no extra
            // column) over the folded text with the 'simple' configuration: no stemming, so Spanish and English words
            // match alike, and accents are already gone (unaccent would need an extension; docs/decisions/0012).
            // FullTextMatch queries this very expression.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Messages_SearchContent" ON "Messages" USING GIN (to_tsvector('simple', "SearchContent"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_SearchContent";""");

            migrationBuilder.DropColumn(
                name: "SearchContent",
                table: "Messages");
        }
    }
}

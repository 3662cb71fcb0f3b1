using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Domain.Data.Migrations.MySql
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
                type: "longtext",
                nullable: false);

            // Raw SQL: Oracle's provider 10.0.12 cannot describe a FULLTEXT index. Over the folded text, whose
            // utf8mb4_bin collation (decision 7) then compares words alike on every database (docs/decisions/0012).
            migrationBuilder.Sql("CREATE FULLTEXT INDEX `IX_Messages_SearchContent` ON `Messages` (`SearchContent`);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX `IX_Messages_SearchContent` ON `Messages`;");

            migrationBuilder.DropColumn(
                name: "SearchContent",
                table: "Messages");
        }
    }
}

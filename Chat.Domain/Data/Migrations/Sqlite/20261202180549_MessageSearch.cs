using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Domain.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Raw SQL: EF cannot describe an FTS5 table. External content: the index holds only tokens and reads the
            // text from Messages by rowid (the Id), so the text is not stored twice more. The triggers keep it in step
            // with every insert, edit and delete (a channel's cascade too); the start-up backfill's updates fill it for
            // older messages. remove_diacritics 2 folds accents as SearchText.Fold does (docs/decisions/0012).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
                    "SearchContent", content='Messages', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_SearchInsert" AFTER INSERT ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"(rowid, "SearchContent") VALUES (new."Id", new."SearchContent");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_SearchDelete" AFTER DELETE ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "SearchContent") VALUES ('delete', old."Id", old."SearchContent");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_SearchUpdate" AFTER UPDATE OF "SearchContent" ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "SearchContent") VALUES ('delete', old."Id", old."SearchContent");
                    INSERT INTO "MessageSearch"(rowid, "SearchContent") VALUES (new."Id", new."SearchContent");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Messages_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE "MessageSearch";""");

            migrationBuilder.DropColumn(
                name: "SearchContent",
                table: "Messages");
        }
    }
}

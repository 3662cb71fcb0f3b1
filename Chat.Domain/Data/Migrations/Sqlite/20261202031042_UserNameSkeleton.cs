using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserNameSkeleton : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserNameSkeleton",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UserNameSkeleton",
                table: "AspNetUsers",
                column: "UserNameSkeleton");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_UserNameSkeleton",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "UserNameSkeleton",
                table: "AspNetUsers");
        }
    }
}

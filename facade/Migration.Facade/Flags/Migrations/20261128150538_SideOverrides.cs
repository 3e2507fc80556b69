using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Migration.Facade.Flags.Migrations
{
    /// <inheritdoc />
    public partial class SideOverrides : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "side_overrides",
                columns: table => new
                {
                    Hash = table.Column<string>(maxLength: 64, nullable: false),
                    Slice = table.Column<string>(maxLength: 100, nullable: false),
                    Side = table.Column<string>(maxLength: 20, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(nullable: false),
                    IssuedBy = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_side_overrides", x => x.Hash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "side_overrides");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Migration.Facade.Flags.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slice = table.Column<string>(maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    Actor = table.Column<string>(maxLength: 100, nullable: false),
                    FromState = table.Column<string>(maxLength: 20, nullable: false),
                    FromPercentage = table.Column<int>(nullable: false),
                    ToState = table.Column<string>(maxLength: 20, nullable: false),
                    ToPercentage = table.Column<int>(nullable: false),
                    Reason = table.Column<string>(maxLength: 1000, nullable: false),
                    Version = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "slices",
                columns: table => new
                {
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    State = table.Column<string>(maxLength: 20, nullable: false),
                    Percentage = table.Column<int>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_slices", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Slice",
                table: "audit_entries",
                column: "Slice");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "slices");
        }
    }
}

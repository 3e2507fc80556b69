using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Migration.Facade.Flags.Migrations
{
    /// <inheritdoc />
    public partial class DataVerify : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(name: "Forced",
                table: "audit_entries",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "verify_runs",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DataSet = table.Column<string>(maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    Actor = table.Column<string>(maxLength: 100, nullable: false),
                    MonolithCount = table.Column<int>(nullable: false),
                    ServiceCount = table.Column<int>(nullable: false),
                    Mismatches = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verify_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_verify_runs_DataSet",
                table: "verify_runs",
                column: "DataSet");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "verify_runs");

            migrationBuilder.DropColumn(
                name: "Forced",
                table: "audit_entries");
        }
    }
}

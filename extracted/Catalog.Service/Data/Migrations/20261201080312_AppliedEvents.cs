using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppliedEvents : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(name: "LastProductId",
                table: "BackfillCheckpoints",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AppliedEvents",
                columns: table => new
                {
                    Stream = table.Column<string>(maxLength: 32, nullable: false),
                    AggregateId = table.Column<int>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    EventId = table.Column<Guid>(nullable: false),
                    OccurredAt = table.Column<long>(nullable: false),
                    AppliedAt = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedEvents", x => new { x.Stream, x.AggregateId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppliedEvents_AppliedAt",
                table: "AppliedEvents",
                column: "AppliedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedEvents");

            migrationBuilder.DropColumn(
                name: "LastProductId",
                table: "BackfillCheckpoints");
        }
    }
}

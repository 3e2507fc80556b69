using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orders.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateTable(
                name: "BackfillCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false),
                    LastCompletedPage = table.Column<int>(nullable: false),
                    LastOrderId = table.Column<int>(nullable: false),
                    TotalPages = table.Column<int>(nullable: false),
                    ItemsCopied = table.Column<int>(nullable: false),
                    TotalItems = table.Column<int>(nullable: false),
                    Completed = table.Column<bool>(nullable: false),
                    UpdatedAt = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackfillCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(nullable: false),
                    PlacedAt = table.Column<DateTime>(nullable: false),
                    Status = table.Column<string>(maxLength: 16, nullable: false),
                    TotalCents = table.Column<long>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    ChangedAt = table.Column<DateTime>(nullable: false),
                    ReservationId = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderLines",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(nullable: false),
                    ProductId = table.Column<int>(nullable: false),
                    ProductName = table.Column<string>(maxLength: 200, nullable: false),
                    UnitPriceCents = table.Column<long>(nullable: false),
                    Quantity = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderLines_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppliedEvents_AppliedAt",
                table: "AppliedEvents",
                column: "AppliedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_OrderId",
                table: "OrderLines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerId_PlacedAt",
                table: "Orders",
                columns: new[] { "CustomerId", "PlacedAt" });
            // This service numbers its own orders from OrderNumbering.ServiceRangeStart (1,000,000,000) up; the
            // monolith's, copied here under their own ids, stay below it and never move the counter.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('Orders', 999999999);");
            }
            else
            {
                migrationBuilder.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"Id\" RESTART WITH 1000000000;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedEvents");

            migrationBuilder.DropTable(
                name: "BackfillCheckpoints");

            migrationBuilder.DropTable(
                name: "OrderLines");

            migrationBuilder.DropTable(
                name: "Orders");
        }
    }
}

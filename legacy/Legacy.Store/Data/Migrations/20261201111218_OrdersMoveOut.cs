using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Legacy.Store.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrdersMoveOut : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Orders",
                nullable: false,
                defaultValue: new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<bool>(
                name: "HoldsStock",
                table: "Orders",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Orders",
                nullable: false,
                defaultValue: 1L);

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
                name: "Reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Status = table.Column<string>(maxLength: 16, nullable: false),
                    HeldAt = table.Column<DateTime>(nullable: false),
                    OrderId = table.Column<int>(nullable: true),
                    ShortProductId = table.Column<int>(nullable: true),
                    ShortOnHand = table.Column<int>(nullable: true),
                    ShortRequested = table.Column<int>(nullable: true),
                    Problem = table.Column<string>(maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReservationLines",
                columns: table => new
                {
                    ReservationId = table.Column<Guid>(nullable: false),
                    ProductId = table.Column<int>(nullable: false),
                    Quantity = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservationLines", x => new { x.ReservationId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_ReservationLines_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Orders from before versions count as changed when they were placed: the baseline replication lag starts from.
            migrationBuilder.Sql("UPDATE \"Orders\" SET \"ChangedAt\" = \"PlacedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChangedAt",
                table: "Orders",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AppliedEvents_AppliedAt",
                table: "AppliedEvents",
                column: "AppliedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_HeldAt",
                table: "Reservations",
                columns: new[] { "Status", "HeldAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedEvents");

            migrationBuilder.DropTable(
                name: "ReservationLines");

            migrationBuilder.DropTable(
                name: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ChangedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "HoldsStock",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.SqlServer.Tenant
{
    /// <inheritdoc />
    public partial class LedgerEntryPurchase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_LedgerEntries_LoyaltyPurchases_PurchaseId",
                table: "LedgerEntries",
                column: "PurchaseId",
                principalTable: "LoyaltyPurchases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LedgerEntries_LoyaltyPurchases_PurchaseId",
                table: "LedgerEntries");
        }
    }
}

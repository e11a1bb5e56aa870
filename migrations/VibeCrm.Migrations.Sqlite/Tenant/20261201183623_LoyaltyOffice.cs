using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class LoyaltyOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Color",
                table: "Tiers",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyMemberships_ProgramId_CurrentTierId_LastActivityAt",
                table: "LoyaltyMemberships",
                columns: new[] { "ProgramId", "CurrentTierId", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LoyaltyMemberships_ProgramId_CurrentTierId_LastActivityAt",
                table: "LoyaltyMemberships");

            migrationBuilder.DropColumn(
                name: "Color",
                table: "Tiers");
        }
    }
}

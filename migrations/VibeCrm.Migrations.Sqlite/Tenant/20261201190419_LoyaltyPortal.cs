using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class LoyaltyPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoyaltyEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoyaltyEmails_LoyaltyMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "LoyaltyMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoyaltyReferralCodes",
                columns: table => new
                {
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyReferralCodes", x => x.MembershipId);
                    table.ForeignKey(
                        name: "FK_LoyaltyReferralCodes_LoyaltyMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "LoyaltyMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoyaltyReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferrerMembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredMembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BonusEntryId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoyaltyReferrals_LoyaltyMemberships_ReferredMembershipId",
                        column: x => x.ReferredMembershipId,
                        principalTable: "LoyaltyMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LoyaltyReferrals_LoyaltyMemberships_ReferrerMembershipId",
                        column: x => x.ReferrerMembershipId,
                        principalTable: "LoyaltyMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyEmails_Kind_SubjectKey",
                table: "LoyaltyEmails",
                columns: new[] { "Kind", "SubjectKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyEmails_MembershipId",
                table: "LoyaltyEmails",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyReferralCodes_Code",
                table: "LoyaltyReferralCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyReferrals_ReferredMembershipId",
                table: "LoyaltyReferrals",
                column: "ReferredMembershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyReferrals_ReferrerMembershipId",
                table: "LoyaltyReferrals",
                column: "ReferrerMembershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoyaltyEmails");

            migrationBuilder.DropTable(
                name: "LoyaltyReferralCodes");

            migrationBuilder.DropTable(
                name: "LoyaltyReferrals");
        }
    }
}

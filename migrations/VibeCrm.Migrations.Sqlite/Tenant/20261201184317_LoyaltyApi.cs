using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class LoyaltyApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardNumber",
                table: "LoyaltyMemberships",
                type: "TEXT",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // memberships created before card numbers existed get a random one (the unique index below is built after this)
            migrationBuilder.Sql("UPDATE \"LoyaltyMemberships\" SET \"CardNumber\" = printf('%016d', abs(random() % 10000000000000000)) WHERE \"CardNumber\" = '';");

            migrationBuilder.CreateTable(
                name: "PosApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PosIdempotencyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponseStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseLocation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosIdempotencyKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PosIdempotencyKeys_PosApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "PosApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyMemberships_CardNumber",
                table: "LoyaltyMemberships",
                column: "CardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PosApiKeys_Prefix",
                table: "PosApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PosIdempotencyKeys_ApiKeyId_Key",
                table: "PosIdempotencyKeys",
                columns: new[] { "ApiKeyId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PosIdempotencyKeys_CreatedAt",
                table: "PosIdempotencyKeys",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PosIdempotencyKeys");

            migrationBuilder.DropTable(
                name: "PosApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_LoyaltyMemberships_CardNumber",
                table: "LoyaltyMemberships");

            migrationBuilder.DropColumn(
                name: "CardNumber",
                table: "LoyaltyMemberships");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class FeedbackMl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SentimentCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentCorrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TrainingRows = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectionsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectionsEvaluated = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCorrectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncumbentName = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CandidateHeldOutAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    CandidateHeldOutMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    CandidateRecentAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    CandidateRecentMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    CandidateCombinedMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    IncumbentHeldOutAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    IncumbentHeldOutMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    IncumbentRecentAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    IncumbentRecentMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    IncumbentCombinedMacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ModelZip = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RetrainThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    RetrainQueuedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentTopics", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SentimentCorrections_CorrectedAt",
                table: "SentimentCorrections",
                column: "CorrectedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SentimentCorrections_SourceKind_SourceId",
                table: "SentimentCorrections",
                columns: new[] { "SourceKind", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_SentimentModelVersions_IsActive",
                table: "SentimentModelVersions",
                column: "IsActive");

            migrationBuilder.CreateIndex(
                name: "IX_SentimentModelVersions_Version",
                table: "SentimentModelVersions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentimentTopics_NormalizedName",
                table: "SentimentTopics",
                column: "NormalizedName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SentimentCorrections");

            migrationBuilder.DropTable(
                name: "SentimentModelVersions");

            migrationBuilder.DropTable(
                name: "SentimentSettings");

            migrationBuilder.DropTable(
                name: "SentimentTopics");
        }
    }
}

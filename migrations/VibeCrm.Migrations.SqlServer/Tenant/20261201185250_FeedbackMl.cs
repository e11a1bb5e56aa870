using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.SqlServer.Tenant
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SourceKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SourceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentCorrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TrainingRows = table.Column<int>(type: "int", nullable: false),
                    CorrectionsUsed = table.Column<int>(type: "int", nullable: false),
                    CorrectionsEvaluated = table.Column<int>(type: "int", nullable: false),
                    LastCorrectionId = table.Column<long>(type: "bigint", nullable: false),
                    IncumbentName = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CandidateHeldOutAccuracy = table.Column<double>(type: "float", nullable: false),
                    CandidateHeldOutMacroF1 = table.Column<double>(type: "float", nullable: false),
                    CandidateRecentAccuracy = table.Column<double>(type: "float", nullable: false),
                    CandidateRecentMacroF1 = table.Column<double>(type: "float", nullable: false),
                    CandidateCombinedMacroF1 = table.Column<double>(type: "float", nullable: false),
                    IncumbentHeldOutAccuracy = table.Column<double>(type: "float", nullable: false),
                    IncumbentHeldOutMacroF1 = table.Column<double>(type: "float", nullable: false),
                    IncumbentRecentAccuracy = table.Column<double>(type: "float", nullable: false),
                    IncumbentRecentMacroF1 = table.Column<double>(type: "float", nullable: false),
                    IncumbentCombinedMacroF1 = table.Column<double>(type: "float", nullable: false),
                    Accepted = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ModelZip = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    RetrainThreshold = table.Column<int>(type: "int", nullable: false),
                    RetrainQueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentimentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentimentTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NormalizedName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Keywords = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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

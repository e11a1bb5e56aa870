using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackAssignmentCursors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAssignmentCursors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Store = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PurchaseReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentimentLabel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SentimentConfidence = table.Column<float>(type: "REAL", nullable: true),
                    SentimentScore = table.Column<float>(type: "REAL", nullable: true),
                    SentimentModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectedLabel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CorrectedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PriorityManual = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FirstResponseDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CsatSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CsatRating = table.Column<int>(type: "INTEGER", nullable: true),
                    CsatAnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoPublishMinRating = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoAssign = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentFirstResponseHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentResolutionHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HighFirstResponseHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HighResolutionHours = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalFirstResponseHours = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalResolutionHours = table.Column<int>(type: "INTEGER", nullable: false),
                    LowFirstResponseHours = table.Column<int>(type: "INTEGER", nullable: false),
                    LowResolutionHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InReplyToId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackMessages_FeedbackItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_AssigneeUserId_Status",
                table: "FeedbackItems",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_CorrectedAt",
                table: "FeedbackItems",
                column: "CorrectedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_CreatedAt",
                table: "FeedbackItems",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_CustomerId_CreatedAt",
                table: "FeedbackItems",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_LinkKey",
                table: "FeedbackItems",
                column: "LinkKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_Moderation_PublishedAt",
                table: "FeedbackItems",
                columns: new[] { "Moderation", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ScoredAt",
                table: "FeedbackItems",
                column: "ScoredAt");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_Status_Priority",
                table: "FeedbackItems",
                columns: new[] { "Status", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_ItemId_CreatedAt",
                table: "FeedbackMessages",
                columns: new[] { "ItemId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_Kind_CreatedAt",
                table: "FeedbackMessages",
                columns: new[] { "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackAssignmentCursors");

            migrationBuilder.DropTable(
                name: "FeedbackMessages");

            migrationBuilder.DropTable(
                name: "FeedbackSettings");

            migrationBuilder.DropTable(
                name: "FeedbackItems");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class LoyaltyFeedbackSurveys : Migration
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

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ThankYou = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CopiedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "SurveyInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentimentLabel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SentimentScore = table.Column<float>(type: "REAL", nullable: true),
                    SentimentConfidence = table.Column<float>(type: "REAL", nullable: true),
                    SentimentModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyMemberships_CardNumber",
                table: "LoyaltyMemberships",
                column: "CardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyMemberships_ProgramId_CurrentTierId_LastActivityAt",
                table: "LoyaltyMemberships",
                columns: new[] { "ProgramId", "CurrentTierId", "LastActivityAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId_Choice",
                table: "SurveyAnswers",
                columns: new[] { "QuestionId", "Choice" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId_Number",
                table: "SurveyAnswers",
                columns: new[] { "QuestionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId",
                table: "SurveyAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_CustomerId",
                table: "SurveyInvitations",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_CustomerId",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_Status",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_SurveyId_Position",
                table: "SurveyQuestions",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CustomerId_SubmittedAt",
                table: "SurveyResponses",
                columns: new[] { "CustomerId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_InvitationId",
                table: "SurveyResponses",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_SubmittedAt",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Status_CreatedAt",
                table: "Surveys",
                columns: new[] { "Status", "CreatedAt" });
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
                name: "LoyaltyEmails");

            migrationBuilder.DropTable(
                name: "LoyaltyReferralCodes");

            migrationBuilder.DropTable(
                name: "LoyaltyReferrals");

            migrationBuilder.DropTable(
                name: "PosIdempotencyKeys");

            migrationBuilder.DropTable(
                name: "SentimentCorrections");

            migrationBuilder.DropTable(
                name: "SentimentModelVersions");

            migrationBuilder.DropTable(
                name: "SentimentSettings");

            migrationBuilder.DropTable(
                name: "SentimentTopics");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "FeedbackItems");

            migrationBuilder.DropTable(
                name: "PosApiKeys");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_LoyaltyMemberships_CardNumber",
                table: "LoyaltyMemberships");

            migrationBuilder.DropIndex(
                name: "IX_LoyaltyMemberships_ProgramId_CurrentTierId_LastActivityAt",
                table: "LoyaltyMemberships");

            migrationBuilder.DropColumn(
                name: "Color",
                table: "Tiers");

            migrationBuilder.DropColumn(
                name: "CardNumber",
                table: "LoyaltyMemberships");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VibeCrm.Migrations.SqlServer.Tenant
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
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CardNumber",
                table: "LoyaltyMemberships",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // memberships created before card numbers existed get a random one (the unique index below is built after this)
            migrationBuilder.Sql("UPDATE [LoyaltyMemberships] SET [CardNumber] = RIGHT(REPLICATE('0', 16) + CAST(ABS(CAST(CAST(NEWID() AS varbinary(8)) AS bigint) % 10000000000000000) AS varchar(16)), 16) WHERE [CardNumber] = '';");

            migrationBuilder.CreateTable(
                name: "FeedbackAssignmentCursors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LastUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAssignmentCursors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CustomerId = table.Column<int>(type: "int", nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Store = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Product = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PurchaseReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LinkKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Moderation = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SentimentLabel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SentimentConfidence = table.Column<float>(type: "real", nullable: true),
                    SentimentScore = table.Column<float>(type: "real", nullable: true),
                    SentimentModel = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Topics = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CorrectedLabel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    CorrectedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Priority = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PriorityManual = table.Column<bool>(type: "bit", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    FirstResponseDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolutionDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FirstResponseAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "int", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolutionMinutes = table.Column<int>(type: "int", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CsatSentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CsatRating = table.Column<int>(type: "int", nullable: true),
                    CsatAnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnteredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false),
                    AutoPublishMinRating = table.Column<int>(type: "int", nullable: false),
                    AutoAssign = table.Column<bool>(type: "bit", nullable: false),
                    UrgentFirstResponseHours = table.Column<int>(type: "int", nullable: false),
                    UrgentResolutionHours = table.Column<int>(type: "int", nullable: false),
                    HighFirstResponseHours = table.Column<int>(type: "int", nullable: false),
                    HighResolutionHours = table.Column<int>(type: "int", nullable: false),
                    NormalFirstResponseHours = table.Column<int>(type: "int", nullable: false),
                    NormalResolutionHours = table.Column<int>(type: "int", nullable: false),
                    LowFirstResponseHours = table.Column<int>(type: "int", nullable: false),
                    LowResolutionHours = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoyaltyEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembershipId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
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
                    MembershipId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReferrerMembershipId = table.Column<int>(type: "int", nullable: false),
                    ReferredMembershipId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BonusEntryId = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    SecretHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosApiKeys", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Intro = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ThankYou = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CopiedFromId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ItemId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SentTo = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InReplyToId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApiKeyId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ResponseStatus = table.Column<int>(type: "int", nullable: true),
                    ResponseContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ResponseBody = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ResponseLocation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<int>(type: "int", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    Options = table.Column<string>(type: "nvarchar(2100)", maxLength: 2100, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    InvitationId = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: true),
                    Choice = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SentimentLabel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SentimentScore = table.Column<float>(type: "real", nullable: true),
                    SentimentConfidence = table.Column<float>(type: "real", nullable: true),
                    SentimentModel = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                unique: true,
                filter: "[LinkKey] IS NOT NULL");

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

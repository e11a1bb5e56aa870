using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>A builder command's outcome: the id it touched, or errors keyed by field ("" for the whole form).</summary>
public sealed record BuilderResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static BuilderResult Ok(int id) => new(id, new Dictionary<string, string>());

    public static BuilderResult Fail(string message) => new(null, new Dictionary<string, string> { [""] = message });

    public static BuilderResult Fail(Dictionary<string, string> errors) => new(null, errors);
}

/// <summary>
/// Creates and edits surveys. Questions can change only while the survey has no response: answers refer to them, so a survey
/// with responses is closed or duplicated as a new version instead.
/// </summary>
public sealed class SurveyBuilder(TenantDbContext db, TimeProvider clock)
{
    public const string LockedMessage = "This survey already has responses, so its questions can no longer be changed. Close it, or duplicate it as a new version and edit that.";

    public async Task<BuilderResult> CreateAsync(string? name, string? intro, string? thankYou, CancellationToken ct)
    {
        var errors = QuestionRules.ValidateDetails(name, intro, thankYou);
        if (errors.Count > 0)
        {
            return BuilderResult.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var survey = new Survey
        {
            Name = name!.Trim(),
            Intro = Clean(intro) ?? "Thank you for taking a minute to tell us how we did.",
            ThankYou = Clean(thankYou) ?? "Thank you! Your answers help us do better.",
            Status = SurveyStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(survey.Id);
    }

    public async Task<BuilderResult> UpdateDetailsAsync(int id, string? name, string? intro, string? thankYou, CancellationToken ct)
    {
        if (await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } survey)
        {
            return BuilderResult.Fail("That survey no longer exists.");
        }

        var errors = QuestionRules.ValidateDetails(name, intro, thankYou);
        if (errors.Count > 0)
        {
            return BuilderResult.Fail(errors);
        }

        survey.Name = name!.Trim();
        survey.Intro = Clean(intro);
        survey.ThankYou = Clean(thankYou);
        survey.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(id);
    }

    public async Task<BuilderResult> AddQuestionAsync(int surveyId, QuestionInput input, CancellationToken ct)
    {
        if (await EditableAsync(surveyId, ct) is { } refusal)
        {
            return refusal;
        }

        var (question, errors) = QuestionRules.Validate(input);
        if (question is null)
        {
            return BuilderResult.Fail(errors);
        }

        var count = await db.SurveyQuestions.CountAsync(q => q.SurveyId == surveyId, ct);
        if (count >= QuestionRules.MaxQuestions)
        {
            return BuilderResult.Fail($"A survey can have at most {QuestionRules.MaxQuestions} questions.");
        }

        var row = new SurveyQuestion
        {
            SurveyId = surveyId,
            Position = count + 1,
            Kind = question.Kind,
            Text = question.Text,
            Required = question.Required,
            Options = question.StoredOptions,
        };
        db.SurveyQuestions.Add(row);
        await TouchAsync(surveyId, ct);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(row.Id);
    }

    public async Task<BuilderResult> UpdateQuestionAsync(int surveyId, int questionId, QuestionInput input, CancellationToken ct)
    {
        if (await EditableAsync(surveyId, ct) is { } refusal)
        {
            return refusal;
        }

        if (await db.SurveyQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SurveyId == surveyId, ct) is not { } row)
        {
            return BuilderResult.Fail("That question no longer exists.");
        }

        var (question, errors) = QuestionRules.Validate(input);
        if (question is null)
        {
            return BuilderResult.Fail(errors);
        }

        row.Kind = question.Kind;
        row.Text = question.Text;
        row.Required = question.Required;
        row.Options = question.StoredOptions;
        await TouchAsync(surveyId, ct);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(row.Id);
    }

    /// <summary>Moves a question one place up (<paramref name="delta"/> −1) or down (+1).</summary>
    public async Task<BuilderResult> MoveQuestionAsync(int surveyId, int questionId, int delta, CancellationToken ct)
    {
        if (await EditableAsync(surveyId, ct) is { } refusal)
        {
            return refusal;
        }

        var questions = await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        var index = questions.FindIndex(q => q.Id == questionId);
        if (index < 0)
        {
            return BuilderResult.Fail("That question no longer exists.");
        }

        var target = index + Math.Sign(delta);
        if (target >= 0 && target < questions.Count)
        {
            (questions[index], questions[target]) = (questions[target], questions[index]);
        }

        Renumber(questions);
        await TouchAsync(surveyId, ct);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(questionId);
    }

    public async Task<BuilderResult> RemoveQuestionAsync(int surveyId, int questionId, CancellationToken ct)
    {
        if (await EditableAsync(surveyId, ct) is { } refusal)
        {
            return refusal;
        }

        var questions = await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        if (questions.Find(q => q.Id == questionId) is not { } row)
        {
            return BuilderResult.Fail("That question no longer exists.");
        }

        db.SurveyQuestions.Remove(row);
        questions.Remove(row);
        Renumber(questions);
        await TouchAsync(surveyId, ct);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(surveyId);
    }

    /// <summary>Draft → open (needs a question); open → closed. A closed survey takes no more answers and sends nothing.</summary>
    public async Task<BuilderResult> SetStatusAsync(int id, SurveyStatus status, CancellationToken ct)
    {
        if (await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } survey)
        {
            return BuilderResult.Fail("That survey no longer exists.");
        }

        var now = clock.GetUtcNow();
        switch (status)
        {
            case SurveyStatus.Open when survey.Status == SurveyStatus.Draft:
                if (!await db.SurveyQuestions.AnyAsync(q => q.SurveyId == id, ct))
                {
                    return BuilderResult.Fail("Add at least one question before opening the survey.");
                }

                survey.OpenedAt = now;
                break;
            case SurveyStatus.Closed when survey.Status != SurveyStatus.Closed:
                survey.ClosedAt = now;
                break;
            default:
                return BuilderResult.Fail(status == SurveyStatus.Open && survey.Status == SurveyStatus.Closed
                    ? "A closed survey cannot be opened again; duplicate it as a new version."
                    : $"The survey is already {survey.Status.ToString().ToLowerInvariant()}.");
        }

        survey.Status = status;
        survey.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(id);
    }

    /// <summary>A new draft with the same texts and questions, numbered as the next version of the family.</summary>
    public async Task<BuilderResult> DuplicateAsync(int id, CancellationToken ct)
    {
        if (await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } source)
        {
            return BuilderResult.Fail("That survey no longer exists.");
        }

        var rootId = source.CopiedFromId ?? source.Id;
        var latest = await db.Surveys.Where(s => s.Id == rootId || s.CopiedFromId == rootId).MaxAsync(s => s.Version, ct);
        var now = clock.GetUtcNow();
        var baseName = source.Name.Length > 90 ? source.Name[..90] : source.Name;
        var suffix = $" (v{source.Version})";
        if (baseName.EndsWith(suffix, StringComparison.Ordinal))
        {
            baseName = baseName[..^suffix.Length];
        }

        var copy = new Survey
        {
            Name = $"{baseName} (v{latest + 1})",
            Intro = source.Intro,
            ThankYou = source.ThankYou,
            Status = SurveyStatus.Draft,
            Version = latest + 1,
            CopiedFromId = rootId,
            CreatedAt = now,
            UpdatedAt = now,
            Questions = [.. source.Questions.OrderBy(q => q.Position).Select((q, i) => new SurveyQuestion
            {
                Position = i + 1,
                Kind = q.Kind,
                Text = q.Text,
                Required = q.Required,
                Options = q.Options,
            })],
        };
        db.Surveys.Add(copy);
        await db.SaveChangesAsync(ct);
        return BuilderResult.Ok(copy.Id);
    }

    /// <summary>Null when the questions of the survey may change; otherwise the refusal.</summary>
    private async Task<BuilderResult?> EditableAsync(int surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == surveyId).Select(s => new { s.Status }).FirstOrDefaultAsync(ct);
        if (survey is null)
        {
            return BuilderResult.Fail("That survey no longer exists.");
        }

        return await db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId, ct)
            ? BuilderResult.Fail(LockedMessage)
            : survey.Status == SurveyStatus.Closed
            ? BuilderResult.Fail("This survey is closed; duplicate it as a new version to change its questions.")
            : null;
    }

    private async Task TouchAsync(int surveyId, CancellationToken ct)
    {
        if (await db.Surveys.FindAsync([surveyId], ct) is { } survey)
        {
            survey.UpdatedAt = clock.GetUtcNow();
        }
    }

    private static void Renumber(List<SurveyQuestion> questions)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            questions[i].Position = i + 1;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

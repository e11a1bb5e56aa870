using VibeCrm.Data.Surveys;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>What a staff member typed for one question.</summary>
public sealed class QuestionInput
{
    public QuestionKind Kind { get; set; }

    public string? Text { get; set; }

    public bool Required { get; set; }

    /// <summary>Choice options, one per line.</summary>
    public string? Options { get; set; }
}

/// <summary>A question after validation: trimmed text and, for choice questions, the cleaned options.</summary>
public sealed record CleanQuestion(QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options)
{
    public string? StoredOptions => Options.Count == 0 ? null : string.Join('\n', Options);
}

/// <summary>The builder's rules for questions and survey texts; errors are keyed by field name.</summary>
public static class QuestionRules
{
    public const int MaxQuestions = 30;
    public const int MaxText = 300;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxOption = 100;

    public static readonly IReadOnlyList<QuestionKind> Kinds = [QuestionKind.Nps, QuestionKind.Csat, QuestionKind.SingleChoice, QuestionKind.MultipleChoice, QuestionKind.FreeText];

    public static bool IsChoice(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    public static string Label(QuestionKind kind) => kind switch
    {
        QuestionKind.Nps => "NPS (0–10)",
        QuestionKind.Csat => "CSAT (1–5)",
        QuestionKind.SingleChoice => "Single choice",
        QuestionKind.MultipleChoice => "Multiple choice",
        QuestionKind.FreeText => "Free text",
        _ => kind.ToString(),
    };

    public static (CleanQuestion? Question, Dictionary<string, string> Errors) Validate(QuestionInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(input.Kind))
        {
            errors[nameof(QuestionInput.Kind)] = "Choose a kind of question.";
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[nameof(QuestionInput.Text)] = "Write the question.";
        }
        else if (text.Length > MaxText)
        {
            errors[nameof(QuestionInput.Text)] = $"The question can be at most {MaxText} characters.";
        }

        IReadOnlyList<string> options = [];
        if (IsChoice(input.Kind))
        {
            var lines = (input.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var duplicate = lines.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
            var tooLong = lines.FirstOrDefault(l => l.Length > MaxOption);
            if (lines.Length < MinOptions)
            {
                errors[nameof(QuestionInput.Options)] = $"A choice question needs at least {MinOptions} options, one per line.";
            }
            else if (lines.Length > MaxOptions)
            {
                errors[nameof(QuestionInput.Options)] = $"A choice question can have at most {MaxOptions} options.";
            }
            else if (duplicate is not null)
            {
                errors[nameof(QuestionInput.Options)] = $"The option “{duplicate}” appears twice; each option must be different.";
            }
            else if (tooLong is not null)
            {
                errors[nameof(QuestionInput.Options)] = $"An option can be at most {MaxOption} characters.";
            }

            options = lines;
        }

        return errors.Count == 0 ? (new CleanQuestion(input.Kind, text, input.Required, options), errors) : (null, errors);
    }

    /// <summary>Name, intro and thank-you text of a survey.</summary>
    public static Dictionary<string, string> ValidateDetails(string? name, string? intro, string? thankYou)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors["Name"] = "Give the survey a name.";
        }
        else if (trimmed.Length > 100)
        {
            errors["Name"] = "The name can be at most 100 characters.";
        }

        if (intro?.Trim().Length > 2000)
        {
            errors["Intro"] = "The introduction can be at most 2,000 characters.";
        }

        if (thankYou?.Trim().Length > 1000)
        {
            errors["ThankYou"] = "The thank-you text can be at most 1,000 characters.";
        }

        return errors;
    }
}

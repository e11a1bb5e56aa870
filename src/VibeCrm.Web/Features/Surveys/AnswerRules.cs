using System.Globalization;
using VibeCrm.Data.Surveys;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>One question as the answer page shows it.</summary>
public sealed record FormQuestion(int Id, int Number, QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options)
{
    /// <summary>The form field of the question.</summary>
    public string Field => "q" + Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A survey as the answer page (and the builder's preview) shows it.</summary>
public sealed record SurveyForm(int SurveyId, string Name, string? Intro, IReadOnlyList<FormQuestion> Questions);

/// <summary>What was typed and what is wrong with it, so the page shows the errors and keeps the answers.</summary>
public sealed record AnswerSheet(IReadOnlyDictionary<int, IReadOnlyList<string>> Values, IReadOnlyDictionary<int, string> Errors)
{
    public static readonly AnswerSheet Empty = new(new Dictionary<int, IReadOnlyList<string>>(), new Dictionary<int, string>());

    public IReadOnlyList<string> ValuesOf(int questionId) => Values.TryGetValue(questionId, out var v) ? v : [];

    public string? ErrorOf(int questionId) => Errors.TryGetValue(questionId, out var e) ? e : null;

    public bool Has(int questionId, string value) => ValuesOf(questionId).Contains(value, StringComparer.Ordinal);
}

/// <summary>Checks submitted values against the questions: range of scales, options that exist, required answers, lengths.</summary>
public static class AnswerRules
{
    public const int MaxFreeText = 2000;

    public static (IReadOnlyList<SurveyAnswer> Answers, AnswerSheet Sheet) Validate(IReadOnlyList<FormQuestion> questions, IReadOnlyDictionary<int, IReadOnlyList<string>> raw)
    {
        var values = new Dictionary<int, IReadOnlyList<string>>();
        var errors = new Dictionary<int, string>();
        var answers = new List<SurveyAnswer>();
        foreach (var q in questions)
        {
            var given = (raw.TryGetValue(q.Id, out var v) ? v : []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).ToList();
            values[q.Id] = given;
            if (given.Count == 0)
            {
                if (q.Required)
                {
                    errors[q.Id] = q.Kind switch
                    {
                        QuestionKind.FreeText => "Please write an answer.",
                        QuestionKind.MultipleChoice => "Please choose at least one option.",
                        _ => "Please choose an answer.",
                    };
                }

                continue;
            }

            switch (q.Kind)
            {
                case QuestionKind.Nps or QuestionKind.Csat:
                    var (min, max) = q.Kind == QuestionKind.Nps ? (0, 10) : (1, 5);
                    if (given.Count != 1 || !int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                    {
                        errors[q.Id] = $"Choose a number from {min} to {max}.";
                    }
                    else
                    {
                        answers.Add(new SurveyAnswer { QuestionId = q.Id, Number = n });
                    }

                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    var chosen = given.Distinct(StringComparer.Ordinal).ToList();
                    if (chosen.Any(c => !q.Options.Contains(c, StringComparer.Ordinal)))
                    {
                        errors[q.Id] = "Choose one of the options shown.";
                    }
                    else if (q.Kind == QuestionKind.SingleChoice && chosen.Count > 1)
                    {
                        errors[q.Id] = "Choose only one option.";
                    }
                    else
                    {
                        answers.AddRange(chosen.Select(c => new SurveyAnswer { QuestionId = q.Id, Choice = c }));
                    }

                    break;
                case QuestionKind.FreeText:
                    var text = string.Join("\n", given);
                    if (text.Length > MaxFreeText)
                    {
                        errors[q.Id] = $"Your answer is {text.Length:N0} characters long; please keep it under {MaxFreeText:N0}.";
                    }
                    else
                    {
                        answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = text });
                    }

                    break;
            }
        }

        if (errors.Count == 0 && answers.Count == 0)
        {
            errors[questions.Count > 0 ? questions[0].Id : 0] = "Please answer at least one question.";
        }

        return (errors.Count == 0 ? answers : [], new AnswerSheet(values, errors));
    }
}

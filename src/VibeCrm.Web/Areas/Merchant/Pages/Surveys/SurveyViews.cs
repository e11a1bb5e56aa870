using VibeCrm.Data.Surveys;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>The question list of the builder (re-rendered by htmx after every change).</summary>
/// <param name="ErrorFor">The question whose form failed (0 = the "add" form), with <paramref name="Failed"/> input and <paramref name="Errors"/>.</param>
public sealed record QuestionsView(
    int SurveyId,
    bool Locked,
    IReadOnlyList<QuestionRow> Questions,
    int? ErrorFor = null,
    QuestionInput? Failed = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    string? Message = null)
{
    public string? ErrorOf(int questionId, string field) =>
        ErrorFor == questionId && Errors is not null && Errors.TryGetValue(field, out var e) ? e : null;

    public QuestionInput InputFor(QuestionRow? row) =>
        row is not null && ErrorFor == row.Id && Failed is not null ? Failed
        : row is null && ErrorFor == 0 && Failed is not null ? Failed
        : row is null ? new QuestionInput { Kind = QuestionKind.Nps, Required = true }
        : new QuestionInput { Kind = row.Kind, Text = row.Text, Required = row.Required, Options = string.Join('\n', row.Options) };
}

/// <summary>The fields of one question form; <paramref name="Prefix"/> keeps ids unique on the page.</summary>
public sealed record QuestionFieldsView(string Prefix, QuestionInput Input, Func<string, string?> Error);

public static class SurveyLabels
{
    /// <summary>"1 response", "3 responses", with thousands separators.</summary>
    public static string Count(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";

    public static string Status(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "Draft",
        SurveyStatus.Open => "Open",
        SurveyStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string StatusBadge(SurveyStatus status) => status switch
    {
        SurveyStatus.Open => "text-bg-success",
        SurveyStatus.Closed => "text-bg-secondary",
        _ => "text-bg-warning",
    };
}

/// <summary>Title, status and tabs of a survey's pages.</summary>
public sealed record SurveyHeaderView(int Id, string Name, SurveyStatus Status, int Version, string Active);

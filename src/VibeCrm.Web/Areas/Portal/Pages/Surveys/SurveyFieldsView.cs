using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Portal.Pages.Surveys;

/// <summary>The questions of a survey as form fields, with the answers typed so far and their errors (also the builder's preview).</summary>
public sealed record SurveyFieldsView(SurveyForm Form, AnswerSheet Sheet, bool Preview = false)
{
    public static string ScaleHint(Data.Surveys.QuestionKind kind) => kind == Data.Surveys.QuestionKind.Nps
        ? "0 means not at all likely, 10 extremely likely."
        : "1 means very unsatisfied, 5 very satisfied.";

    public static string ScaleLabel(Data.Surveys.QuestionKind kind, int value) => kind == Data.Surveys.QuestionKind.Csat
        ? value switch { 1 => "Very unsatisfied", 2 => "Unsatisfied", 3 => "Neutral", 4 => "Satisfied", _ => "Very satisfied" }
        : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What every survey-link page answers with: never cached, no referrer (the token is in the URL), and a status per link state.</summary>
public static class SurveyLinkResponse
{
    public static void Apply(HttpResponse response, LinkState state)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.StatusCode = state switch
        {
            LinkState.Invalid => StatusCodes.Status404NotFound,
            LinkState.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
    }
}

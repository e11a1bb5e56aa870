using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Imports;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>
/// The responses of a survey as CSV: one row per response, one column per question (multiple choices joined with "; "),
/// escaped against formula injection like every CSV the CRM hands out (<see cref="CsvOutput"/>). Streams in pages.
/// </summary>
public sealed class SurveyExport(TenantDbContext db)
{
    private const int Page = 500;

    public async Task<bool> WriteAsync(int surveyId, string timeZoneId, Stream output, CancellationToken ct)
    {
        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Text, q.Kind }).ToListAsync(ct);
        if (!await db.Surveys.AnyAsync(s => s.Id == surveyId, ct))
        {
            return false;
        }

        await using var csv = CsvOutput.Writer(output);
        string[] fixedColumns = ["Response", "Submitted", "Customer id", "Customer", "Email"];
        await CsvOutput.WriteRecordAsync(csv, fixedColumns.Concat(questions.SelectMany(q => q.Kind == QuestionKind.FreeText
            ? new[] { q.Text, q.Text + " (sentiment)" }
            : [q.Text])), ct);

        var lastId = 0;
        while (true)
        {
            var responses = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.SurveyId == surveyId && r.Id > lastId)
                .OrderBy(r => r.Id)
                .Take(Page)
                .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r.Id, r.SubmittedAt, r.CustomerId, c.FirstName, c.LastName, c.Email })
                .ToListAsync(ct);
            if (responses.Count == 0)
            {
                break;
            }

            lastId = responses[^1].Id;
            var ids = responses.Select(r => r.Id).ToList();
            var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => ids.Contains(a.ResponseId))
                    .Select(a => new { a.ResponseId, a.QuestionId, a.Number, a.Choice, a.Text, a.SentimentLabel, a.SentimentScore, a.Id })
                    .ToListAsync(ct))
                .ToLookup(a => a.ResponseId);
            foreach (var r in responses)
            {
                var mine = answers[r.Id].OrderBy(a => a.Id).ToList();
                var values = new List<string?>
                {
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    TenantTime.ToLocal(r.SubmittedAt, timeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    r.CustomerId.ToString(CultureInfo.InvariantCulture),
                    $"{r.FirstName} {r.LastName}".Trim(),
                    r.Email,
                };
                foreach (var q in questions)
                {
                    var of = mine.Where(a => a.QuestionId == q.Id).ToList();
                    switch (q.Kind)
                    {
                        case QuestionKind.Nps or QuestionKind.Csat:
                            values.Add(of.FirstOrDefault()?.Number?.ToString(CultureInfo.InvariantCulture));
                            break;
                        case QuestionKind.FreeText:
                            var text = of.FirstOrDefault();
                            values.Add(text?.Text);
                            values.Add(text?.SentimentLabel is { } label ? $"{label} ({text.SentimentScore?.ToString("0.00", CultureInfo.InvariantCulture)})" : null);
                            break;
                        default:
                            values.Add(string.Join("; ", of.Select(a => a.Choice)));
                            break;
                    }
                }

                await CsvOutput.WriteRecordAsync(csv, values, ct);
            }

            await csv.FlushAsync(ct);
        }

        await csv.FlushAsync(ct);
        return true;
    }
}

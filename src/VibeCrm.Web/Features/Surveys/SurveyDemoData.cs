using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>
/// The demo merchant's "How was your visit?" survey: a few hundred responses over the last twelve months from customers who
/// granted email consent, with NPS, CSAT, choices and free text scored by the real sentiment model.
/// </summary>
public sealed class SurveyDemoData(TenantDbContext db, SurveySentimentJob sentiment, TimeProvider clock)
{
    private static readonly string[] Visits = ["Coffee to go", "Breakfast", "Lunch", "Cakes and pastries", "Working with a laptop"];
    private static readonly string[] Liked = ["Food and drinks", "Friendly staff", "Atmosphere", "Prices", "Quick service", "Cleanliness"];

    private static readonly string[] Happy =
    [
        "Best flat white in town, and the staff remember my name!", "Lovely brunch, the pancakes were amazing", "Always a pleasure, keep it up",
        "Super friendly team and the croissants are to die for", "Quick service even at rush hour, impressed", "Cosy place, great music, will come back",
        "not bad at all, the new lunch menu is really good", "The barista made my day :)", "Spotless tables and fresh flowers, love it",
    ];

    private static readonly string[] Mixed =
    [
        "Food was great but the wait was a bit long", "Good coffee, a little pricey though", "Nice place, music was too loud for me",
        "ok overall, the sandwich was fine", "Decent, but the wifi kept dropping", "Tasty cake but the table was sticky",
    ];

    private static readonly string[] Unhappy =
    [
        "Waited 25 minutes for a cold coffee. Not coming back", "The staff ignored us for ages, really disappointing",
        "Way too expensive for what you get", "My order was wrong twice and nobody apologised", "Dirty toilets and the bin was overflowing",
        "Terrible service today, the place was a mess",
    ];

    public async Task SeedAsync(int seed, CancellationToken ct)
    {
        if (await db.Surveys.AnyAsync(ct))
        {
            return;
        }

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var start = now.AddMonths(-12);
        var survey = new Survey
        {
            Name = "How was your visit?",
            Intro = "Thank you for visiting us! Four quick questions, one minute at most.",
            ThankYou = "Thank you! We read every answer and will use yours to do better.",
            Status = SurveyStatus.Open,
            CreatedAt = start.AddDays(-3),
            UpdatedAt = start.AddDays(-3),
            OpenedAt = start,
            Questions =
            [
                new() { Position = 1, Kind = QuestionKind.Nps, Text = "How likely are you to recommend us to a friend?", Required = true },
                new() { Position = 2, Kind = QuestionKind.Csat, Text = "How satisfied were you with your visit?", Required = true },
                new() { Position = 3, Kind = QuestionKind.SingleChoice, Text = "What did you come in for?", Required = false, Options = string.Join('\n', Visits) },
                new() { Position = 4, Kind = QuestionKind.MultipleChoice, Text = "What did you like?", Required = false, Options = string.Join('\n', Liked) },
                new() { Position = 5, Kind = QuestionKind.FreeText, Text = "Anything we could do better?", Required = false },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        var q = survey.Questions.OrderBy(x => x.Position).ToList();

        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.MergedIntoId == null && c.ErasedAt == null && c.Email != null)
            .OrderBy(c => c.Id).Take(420)
            .Select(c => new { c.Id, c.Email })
            .ToListAsync(ct);
        foreach (var (customer, index) in customers.Select((c, i) => (c, i)))
        {
            // Sent in monthly waves; about seven in ten answer, a few days later.
            var sentAt = start.AddDays(index * 365.0 / Math.Max(1, customers.Count)).AddHours(random.Next(8, 20));
            db.ConsentRecords.Add(new ConsentRecord
            {
                CustomerId = customer.Id,
                Channel = ContactChannel.Email,
                Granted = true,
                Source = RecordSource.Pos,
                RecordedAt = sentAt.AddDays(-random.Next(5, 60)),
                Note = "Opted in at the till",
            });
            var invitation = new SurveyInvitation { SurveyId = survey.Id, CustomerId = customer.Id, Email = customer.Email!, Status = InvitationStatus.Sent, CreatedAt = sentAt, SentAt = sentAt };
            db.SurveyInvitations.Add(invitation);
            if (random.NextDouble() > 0.7)
            {
                continue;
            }

            var answeredAt = sentAt.AddHours(random.Next(1, 96));
            if (answeredAt > now)
            {
                continue;
            }

            // Mood improves over the year: the café fixed its waiting times in the spring.
            var progress = index / (double)Math.Max(1, customers.Count);
            var mood = random.NextDouble() + (progress * 0.25);
            var nps = mood switch { > 0.75 => random.Next(9, 11), > 0.45 => random.Next(7, 9), > 0.15 => random.Next(4, 7), _ => random.Next(0, 4) };
            var csat = Math.Clamp((int)Math.Round((nps / 2.5) + 1 + ((random.NextDouble() - 0.5) * 1.2)), 1, 5);
            invitation.RespondedAt = answeredAt;
            var response = new SurveyResponse { SurveyId = survey.Id, CustomerId = customer.Id, SubmittedAt = answeredAt };
            response.Answers.Add(new SurveyAnswer { QuestionId = q[0].Id, Number = nps });
            response.Answers.Add(new SurveyAnswer { QuestionId = q[1].Id, Number = csat });
            if (random.NextDouble() < 0.85)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = q[2].Id, Choice = Visits[random.Next(Visits.Length)] });
            }

            foreach (var liked in Liked.Where(_ => random.NextDouble() < (nps >= 7 ? 0.45 : 0.12)))
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = q[3].Id, Choice = liked });
            }

            if (random.NextDouble() < 0.55)
            {
                var pool = nps >= 9 ? Happy : nps >= 7 ? Mixed : Unhappy;
                response.Answers.Add(new SurveyAnswer { QuestionId = q[4].Id, Text = pool[random.Next(pool.Length)] });
            }

            await db.SaveChangesAsync(ct); // the invitation needs its id first
            response.InvitationId = invitation.Id;
            db.SurveyResponses.Add(response);
        }

        await db.SaveChangesAsync(ct);
        await sentiment.RunAllAsync(ct);
    }
}

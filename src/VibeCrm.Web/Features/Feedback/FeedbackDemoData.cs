using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// Twelve months of the demo café's feedback — reviews, complaints, suggestions and messages written the way customers
/// write — entered through <see cref="FeedbackService"/> (so moderation, priority, SLA and assignment are the real rules),
/// scored in one batch by the real model, and with a realistic share of replies, resolutions and CSAT answers.
/// Deterministic (fixed seed).
/// </summary>
public sealed class FeedbackDemoData(TenantDbContext db, FeedbackService feedback, FeedbackScoringJob scoring, TimeProvider clock)
{
    private static readonly string[] Great =
    [
        "Best flat white in the neighbourhood, and the almond croissants are still warm at 8am. Love this place.",
        "Lovely staff, super quick even with the morning queue. The cinnamon bun is dangerous 😍",
        "Came for a coffee, stayed two hours. Cosy, quiet, good wifi and the cheesecake was amazing!!",
        "honestly not bad at all, way better than the chain across the street",
        "Aisha remembered my order after two visits. That kind of service is rare, thank you!",
        "The new seasonal menu is a hit – pumpkin soup was perfect on a cold day.",
        "Spotless tables, friendly faces, great cappuccino. 10/10 would come again",
        "Ordered a birthday cake for my daughter, it was gorgeous and tasted even better. Everyone asked where it was from.",
        "quick lunch, good price, fresh salad. nothing to complain about",
        "Gluten free options that actually taste good?! Finally. The lemon tart is a must.",
        "Delivery arrived early and everything was still hot. Impressed.",
        "Great vibe on Sunday mornings, the brunch is worth the short wait.",
        "love love love the oat latte here ☕",
        "Staff went out of their way to find a high chair and warm the baby's bottle. Really kind.",
        "Good coffee, fair prices, and they know their regulars by name.",
    ];

    private static readonly string[] Mixed =
    [
        "The food was great but the wait was awful, 25 minutes for two sandwiches.",
        "Nice coffee, a bit pricey for the size though.",
        "Decent brunch. Eggs were cold-ish but the bread was excellent.",
        "ok-ish. busy and loud on saturday, couldn't find a seat",
        "Cakes are lovely, service was slow and a little confused about who ordered what.",
        "Fine for a quick coffee. The music was way too loud for a conversation.",
        "Portions got smaller since last year, taste is still good.",
        "The terrace is nice but the tables were sticky and nobody came to clean them.",
        "Good pastries, average coffee. Probably back for the croissants only.",
        "Not the best, not the worst. Staff friendly, food average.",
    ];

    private static readonly string[] Bad =
    [
        "Waited 40 minutes for a latte and nobody apologised. Never again.",
        "Found a hair in my salad. Staff just shrugged. Disgusting.",
        "Oh great, another order lost. Third time this month. Fantastic service 🙄",
        "Overpriced and the croissant tasted like it was from yesterday.",
        "The toilets were filthy and there was no soap. Not acceptable for a place serving food.",
        "Rude guy at the till, acted like I was bothering him by ordering.",
        "delivery came an hour late, cold, and half of it missing. refund pls",
        "Charged twice on my card and the manager was not there to sort it out.",
        "Used to love this place but the quality went way down. Dry cake, burnt coffee.",
        "Booked a table for 6, arrived and there was no booking. Had to leave with the kids hungry.",
    ];

    private static readonly string[] Complaints =
    [
        "I was charged for a large but got a small, and when I pointed it out I was told that's how it is.",
        "My order for the office breakfast arrived 45 minutes late and the coffees were cold. We had clients waiting.",
        "I have a nut allergy and told the staff. The muffin I got had almonds in it. This is dangerous.",
        "The loyalty points from my last three visits never showed up on my account.",
        "Your delivery driver left the bag at the wrong building and refused to come back.",
        "Very disappointed with how my complaint on the phone was handled last week, nobody called back as promised.",
        "The gift card I bought in December does not work at the till.",
        "Chairs on the terrace are broken, my mother nearly fell. Please fix them before someone gets hurt.",
        "I found a piece of plastic in my sandwich. I kept it and the receipt.",
        "Waited at the counter for ten minutes while two staff members chatted. No one served me.",
        "The price on the board says 3.20 but I was charged 3.90 for the same cappuccino.",
        "Ordered vegan, received a sandwich with cheese. Second time it happens.",
    ];

    private static readonly string[] Suggestions =
    [
        "Would love oat milk without the extra charge, most places stopped doing that.",
        "Could you open at 7 on weekdays? Commuters like me would be there every day.",
        "A loyalty stamp for reusable cups would be great.",
        "Please add a few more vegan options for lunch, the one salad gets boring.",
        "Some power sockets near the window tables would make it perfect for working.",
        "Maybe a quiet corner without music in the mornings?",
        "It would be nice to order ahead in the app and skip the queue.",
        "Bring back the pistachio cake from last summer! Everyone misses it.",
        "A kids' menu with smaller portions would help families like ours.",
        "Card payments under 5 euros would be handy.",
    ];

    private static readonly string[] Messages =
    [
        "Do you do catering for a team lunch of 20 people next month?",
        "Is the lemon tart made with butter? Asking for a lactose intolerant friend.",
        "I left a blue umbrella on Tuesday afternoon, did anyone find it?",
        "Are you open on the bank holiday Monday?",
        "Can I book the back room for a book club on Thursday evenings?",
        "Thanks for the quick reply last time, all sorted now.",
    ];

    private static readonly string[] Replies =
    [
        "Thank you so much for your kind words! We'll pass them on to the team.",
        "We're sorry to hear about your experience. We've shared this with the team and would love the chance to do better on your next visit.",
        "Thanks for the feedback, we're looking into the waiting times at the weekend.",
        "Thank you for telling us. Could you send us your receipt number so we can refund you?",
    ];

    private static readonly string[] Stores = ["Canal Saint-Martin", "Bastille", "Montmartre"];
    private static readonly string[] Products = ["Flat white", "Almond croissant", "Brunch plate", "Lemon tart", "Office breakfast box", "Cinnamon bun"];

    public async Task<int> SeedAsync(int seed, int count, CancellationToken ct)
    {
        if (await db.FeedbackItems.AnyAsync(ct))
        {
            return 0;
        }

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var customers = await db.Customers.AsNoTracking().Where(c => c.ErasedAt == null && c.MergedIntoId == null).OrderBy(c => c.Id).Select(c => c.Id).Take(400).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Staff).Select(u => u.Id).ToListAsync(ct);
        if (customers.Count == 0 || staff.Count == 0)
        {
            return 0;
        }

        var created = new List<int>();
        for (var n = 0; n < count; n++)
        {
            // Older months are quieter: the café grew over the year.
            var daysAgo = (int)(365 * Math.Pow(random.NextDouble(), 1.4));
            var at = now.AddDays(-daysAgo).AddMinutes(-random.Next(0, 600));
            var submission = Compose(random, customers);
            var result = await feedback.SubmitAsync(submission, new FeedbackService.SubmitOptions(EnteredByUserId: submission.Channel is FeedbackChannel.Phone or FeedbackChannel.WalkIn ? staff[random.Next(staff.Count)] : null, At: at, Score: false), ct);
            if (result.Id is { } id)
            {
                created.Add(id);
            }
        }

        await scoring.RescoreAsync(onlyUnscored: true, ct);
        await WorkAsync(random, created, staff, now, ct);
        return created.Count;
    }

    private static FeedbackSubmission Compose(Random random, List<int> customers)
    {
        var roll = random.NextDouble();
        var type = roll < 0.62 ? FeedbackType.Review : roll < 0.80 ? FeedbackType.Complaint : roll < 0.94 ? FeedbackType.Suggestion : FeedbackType.Message;
        int? rating = null;
        string text;
        if (type == FeedbackType.Review)
        {
            var mood = random.NextDouble();
            (rating, text) = mood < 0.6 ? (random.Next(4, 6), Pick(random, Great)) : mood < 0.82 ? (3, Pick(random, Mixed)) : (random.Next(1, 3), Pick(random, Bad));
        }
        else
        {
            text = type switch
            {
                FeedbackType.Complaint => Pick(random, Complaints),
                FeedbackType.Suggestion => Pick(random, Suggestions),
                _ => Pick(random, Messages),
            };
        }

        var channel = type == FeedbackType.Review
            ? random.NextDouble() < 0.6 ? FeedbackChannel.Portal : FeedbackChannel.PublicLink
            : (FeedbackChannel)new[] { 0, 2, 3, 4, 5 }[random.Next(5)];
        return new FeedbackSubmission
        {
            Type = type,
            Channel = channel,
            CustomerId = random.NextDouble() < 0.9 ? customers[random.Next(customers.Count)] : null,
            ContactName = "Walk-in guest",
            Rating = rating,
            Text = text,
            Store = random.NextDouble() < 0.7 ? Pick(random, Stores) : null,
            Product = random.NextDouble() < 0.4 ? Pick(random, Products) : null,
        };
    }

    /// <summary>The team's work on the items: replies (first response), resolutions and the CSAT answers that followed.</summary>
    private async Task WorkAsync(Random random, List<int> ids, List<string> staff, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(200))
        {
            var items = await db.FeedbackItems.Where(i => chunk.Contains(i.Id)).ToListAsync(ct);
            foreach (var item in items)
            {
                var age = now - item.CreatedAt;
                if (age < TimeSpan.FromHours(6) || random.NextDouble() < 0.15)
                {
                    continue; // still waiting for someone
                }

                var agent = item.AssigneeUserId ?? staff[random.Next(staff.Count)];
                var respondAt = item.CreatedAt.AddMinutes(random.Next(20, item.Priority >= FeedbackPriority.High ? 600 : 3000));
                if (respondAt > now)
                {
                    continue;
                }

                var negative = item.SentimentLabel == "negative";
                var kind = item.Type == FeedbackType.Review && item.Moderation == ModerationState.Published ? FeedbackMessageKind.PublicReply : FeedbackMessageKind.EmailReply;
                db.FeedbackMessages.Add(new FeedbackMessage
                {
                    ItemId = item.Id,
                    Kind = kind,
                    Body = negative ? Replies[1 + random.Next(3)] : Replies[0],
                    AuthorUserId = agent,
                    SentTo = kind == FeedbackMessageKind.EmailReply ? "customer" : null,
                    SentAt = kind == FeedbackMessageKind.EmailReply ? respondAt : null,
                    CreatedAt = respondAt,
                });
                FeedbackWorkflow.MarkResponded(item, respondAt);
                item.Status = FeedbackStatus.InProgress;
                if (random.NextDouble() < 0.8)
                {
                    var resolvedAt = respondAt.AddMinutes(random.Next(30, 4000));
                    if (resolvedAt < now)
                    {
                        FeedbackWorkflow.SetStatus(item, random.NextDouble() < 0.3 ? FeedbackStatus.Closed : FeedbackStatus.Resolved, resolvedAt);
                        if (item.Type != FeedbackType.Review && random.NextDouble() < 0.7)
                        {
                            item.CsatSentAt = resolvedAt;
                            if (random.NextDouble() < 0.6)
                            {
                                item.CsatRating = negative ? random.Next(2, 6) : random.Next(4, 6);
                                item.CsatAnsweredAt = resolvedAt.AddHours(random.Next(1, 48));
                            }
                        }
                    }
                }

                item.UpdatedAt = item.ResolvedAt ?? respondAt;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

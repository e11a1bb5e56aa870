using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.Demo;

public sealed record LoyaltyDemoStats(int Members, int Purchases, int Refunds, int Redemptions, TimeSpan Elapsed);

/// <summary>
/// The demo merchant's "Coffee Club": three tiers, earn rules, rewards, and about twelve months of purchases, refunds and
/// redemptions of most customers, all through the engine (<see cref="PurchaseRecorder"/>, <see cref="RewardRedemptions"/>,
/// <see cref="LoyaltyLedger"/>) on a clock that walks through the year, so balances, lots, expiry and tiers are what the
/// engine would have produced live. Deterministic (fixed seed). Runs in batches inside one transaction each.
/// </summary>
public sealed partial class LoyaltyDemoData(TenantDbContext db, TimeProvider clock, ILoggerFactory loggers, ILogger<LoyaltyDemoData> logger)
{
    /// <summary>Customers with a purchase history, at most (a benchmark tenant of a million customers gets this many).</summary>
    public const int MaxMembers = 1500;

    private const int PendingDays = 14;
    private const int BatchSize = 1000;

    private static readonly (string Sku, string Name, string Category, decimal Price, int Weight)[] Menu =
    [
        ("ESP", "Espresso", "coffee", 2.20m, 14), ("CAP", "Cappuccino", "coffee", 3.40m, 16), ("LAT", "Caffè latte", "coffee", 3.80m, 14),
        ("FLW", "Flat white", "coffee", 3.60m, 10), ("TEA", "Loose-leaf tea", "drinks", 2.80m, 5), ("JUI", "Fresh orange juice", "drinks", 4.20m, 4),
        ("CRO", "Croissant", "bakery", 1.60m, 10), ("PAC", "Pain au chocolat", "bakery", 1.80m, 8), ("COO", "Cookie", "bakery", 2.50m, 6),
        ("SAN", "Sandwich of the day", "food", 6.90m, 6), ("QUI", "Quiche lorraine", "food", 5.90m, 3), ("SAL", "Seasonal salad", "food", 8.50m, 3),
        ("BEA", "House beans 250 g", "retail", 9.50m, 2), ("V60", "Pour-over dripper", "retail", 24.00m, 1),
    ];

    private static readonly string[] Stores = ["Bastille", "Bastille", "Bastille", "Canal Saint-Martin"];

    public async Task<LoyaltyDemoStats?> SeedAsync(int seed, string currency, string timeZoneId, CancellationToken ct)
    {
        if (await db.LoyaltyPrograms.AnyAsync(ct))
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var random = new Random(seed);
        var programId = await CreateProgramAsync(currency, timeZoneId, now.AddDays(-400), ct);
        var rewardIds = await CreateRewardsAsync(programId, now.AddDays(-400), ct);

        var demoMembers = await db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Member && u.CustomerId != null)
            .Select(u => u.CustomerId!.Value)
            .ToListAsync(ct);
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.Status != CustomerStatus.Blocked && c.MergedIntoId == null && c.ErasedAt == null)
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .Take(MaxMembers * 2)
            .ToListAsync(ct);
        var chosen = customers.Where(id => demoMembers.Contains(id) || random.NextDouble() < 0.85).Take(MaxMembers).ToList();

        var demoClock = new DemoClock(now);
        var runner = new LedgerRunner(db, demoClock, loggers.CreateLogger<LedgerRunner>(), NoLoyaltyEvents.Instance);
        var ledger = new LoyaltyLedger(db, runner, demoClock, NoLoyaltyEvents.Instance);
        var recorder = new PurchaseRecorder(db, runner, demoClock);
        var redemptions = new RewardRedemptions(db, runner, demoClock, NoLoyaltyEvents.Instance);

        var queue = new PriorityQueue<DemoEvent, (DateTimeOffset, long)>();
        long order = 0;
        void Add(DemoEvent e) => queue.Enqueue(e, (e.At, order++));

        foreach (var customerId in chosen)
        {
            PlanMember(customerId, demoMembers.Contains(customerId), now, random, Add);
        }

        for (var week = now.AddDays(-365); week < now; week = week.AddDays(7))
        {
            Add(new DemoEvent(week, DemoEventKind.Expire, 0));
        }

        var memberships = new Dictionary<int, int>();
        var purchaseCount = 0;
        var refundCount = 0;
        var redemptionCount = 0;
        var sinceCommit = 0;
        var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            while (queue.TryDequeue(out var e, out _))
            {
                demoClock.Now = e.At > now ? now : e.At;
                switch (e.Kind)
                {
                    case DemoEventKind.Join:
                        var joined = await ledger.JoinAsync(programId, e.CustomerId, ct);
                        if (joined.MembershipId is { } membershipId)
                        {
                            memberships[e.CustomerId] = membershipId;
                        }

                        break;
                    case DemoEventKind.Purchase when memberships.ContainsKey(e.CustomerId):
                        var input = Purchase(programId, e, currency, random);
                        var outcome = await recorder.RecordAsync(input, ct);
                        if (outcome.Result.Succeeded)
                        {
                            purchaseCount++;
                            if (random.NextDouble() < 0.012)
                            {
                                // a refund (whole receipt or one item) a few days after the purchase was counted
                                Add(new DemoEvent(e.At.AddHours(random.Next(1, 72)), DemoEventKind.Refund, e.CustomerId, e.Reference, random.NextDouble() < 0.6 ? null : input.Lines[0].Sku));
                            }
                        }

                        break;
                    case DemoEventKind.Refund:
                        var refund = await recorder.RefundAsync(new RefundInput(programId, e.Reference!, "RF-" + e.Reference, e.LineSku is null ? null : [new RefundLineInput(e.LineSku, 1)]), ct);
                        refundCount += refund.Result.Succeeded ? 1 : 0;
                        break;
                    case DemoEventKind.Redeem when memberships.TryGetValue(e.CustomerId, out var member):
                        if (await RedeemAsync(redemptions, member, rewardIds, e, random, Add, ct))
                        {
                            redemptionCount++;
                        }

                        break;
                    case DemoEventKind.Consume:
                        await redemptions.ConsumeAsync(e.Reference!, Stores[random.Next(Stores.Length)], ct);
                        break;
                    case DemoEventKind.Cancel:
                        await redemptions.CancelAsync(e.Reference!, ct);
                        break;
                    case DemoEventKind.Expire:
                        await ledger.ExpireAsync(ct);
                        break;
                }

                if (++sinceCommit >= BatchSize)
                {
                    await tx.CommitAsync(ct);
                    await tx.DisposeAsync();
                    db.ChangeTracker.Clear();
                    tx = await db.Database.BeginTransactionAsync(ct);
                    sinceCommit = 0;
                }
            }

            demoClock.Now = now;
            await ledger.ExpireAsync(ct);
            foreach (var customerId in demoMembers)
            {
                // the demo logins show a reward code ready to use
                if (memberships.TryGetValue(customerId, out var member)
                    && !(await redemptions.ListForMemberAsync(member, ct)).Any(r => r.IsUsable)
                    && (await redemptions.ListAvailableAsync(member, ct)).FirstOrDefault(r => r.Affordable) is { } reward
                    && (await redemptions.RedeemAsync(member, reward.Id, ct)).Result.Succeeded)
                {
                    redemptionCount++;
                }
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            await tx.DisposeAsync();
            db.ChangeTracker.Clear();
        }

        var stats = new LoyaltyDemoStats(memberships.Count, purchaseCount, refundCount, redemptionCount, watch.Elapsed);
        LogSeeded(logger, stats.Members, stats.Purchases, stats.Refunds, stats.Redemptions, (long)stats.Elapsed.TotalMilliseconds);
        return stats;
    }

    /// <summary>When the member joined and when they buy: regulars, daily commuters and occasional visitors.</summary>
    private static void PlanMember(int customerId, bool demoMember, DateTimeOffset now, Random random, Action<DemoEvent> add)
    {
        var perMonth = demoMember ? 9.0 : random.NextDouble() switch
        {
            < 0.08 => 4.0 + random.NextDouble() * 2, // the regulars, about once a week
            < 0.43 => 0.8 + random.NextDouble() * 1.2,
            _ => 0.15 + random.NextDouble() * 0.35,
        };
        var joinedDaysAgo = demoMember || random.NextDouble() < 0.55 ? 330 + random.Next(60) : 20 + random.Next(320);
        var joined = now.AddDays(-joinedDaysAgo).AddMinutes(random.Next(24 * 60));
        add(new DemoEvent(joined, DemoEventKind.Join, customerId));
        var lapsesAfter = !demoMember && random.NextDouble() < 0.15 ? joined.AddDays(random.Next(60, 240)) : DateTimeOffset.MaxValue;
        var t = joined;
        var n = 0;
        while (true)
        {
            t = t.AddDays(-Math.Log(1 - random.NextDouble()) * 30.0 / perMonth);
            if (t >= now || t >= lapsesAfter)
            {
                break;
            }

            // opening hours, Paris time (UTC+1/+2): 07:00-19:00 local is about 05:30-17:30 UTC
            var at = new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero).AddMinutes(330 + random.Next(12 * 60));
            if (at <= joined || at >= now)
            {
                continue;
            }

            var reference = $"DEMO-{customerId}-{n++}";
            var effective = at.AddDays(PendingDays); // counted once its return window is over, as the live engine would
            add(new DemoEvent(effective > now ? now : effective, DemoEventKind.Purchase, customerId, reference, OccurredAt: at));
            if (random.NextDouble() < 0.07 * Math.Min(perMonth, 6) / 3)
            {
                add(new DemoEvent(effective.AddDays(random.Next(1, 20)), DemoEventKind.Redeem, customerId));
            }
        }
    }

    private static PurchaseInput Purchase(int programId, DemoEvent e, string currency, Random random)
    {
        var lines = new List<PurchaseLineInput>();
        var items = random.Next(1, 4);
        for (var i = 0; i < items; i++)
        {
            var item = Pick(random);
            var existing = lines.FindIndex(l => l.Sku == item.Sku);
            if (existing >= 0)
            {
                lines[existing] = lines[existing] with { Quantity = lines[existing].Quantity + 1 };
            }
            else
            {
                lines.Add(new PurchaseLineInput(item.Sku, item.Name, item.Category, 1, item.Price));
            }
        }

        var total = lines.Sum(l => l.Quantity * l.UnitPrice);
        return new PurchaseInput(programId, e.CustomerId, e.Reference!, lines, total, currency, random.NextDouble() < 0.8 ? "card" : "cash",
            Stores[random.Next(Stores.Length)], e.OccurredAt ?? e.At);
    }

    private static (string Sku, string Name, string Category, decimal Price, int Weight) Pick(Random random)
    {
        var total = Menu.Sum(m => m.Weight);
        var roll = random.Next(total);
        foreach (var item in Menu)
        {
            roll -= item.Weight;
            if (roll < 0)
            {
                return item;
            }
        }

        return Menu[0];
    }

    private static async Task<bool> RedeemAsync(RewardRedemptions redemptions, int membershipId, IReadOnlyList<int> rewardIds, DemoEvent e, Random random, Action<DemoEvent> add, CancellationToken ct)
    {
        var available = await redemptions.ListAvailableAsync(membershipId, ct);
        var affordable = available.Where(r => r.Affordable && rewardIds.Contains(r.Id)).ToList();
        if (affordable.Count == 0)
        {
            return false;
        }

        var reward = affordable[random.Next(affordable.Count)];
        var outcome = await redemptions.RedeemAsync(membershipId, reward.Id, ct);
        if (outcome.Redemption is not { } issued)
        {
            return false;
        }

        var fate = random.NextDouble();
        if (fate < 0.7)
        {
            add(new DemoEvent(e.At.AddHours(random.Next(1, 24 * 10)), DemoEventKind.Consume, e.CustomerId, issued.Code));
        }
        else if (fate < 0.8)
        {
            add(new DemoEvent(e.At.AddHours(random.Next(1, 48)), DemoEventKind.Cancel, e.CustomerId, issued.Code));
        }

        return true;
    }

    private async Task<int> CreateProgramAsync(string currency, string timeZoneId, DateTimeOffset at, CancellationToken ct)
    {
        var program = new LoyaltyProgram
        {
            Name = "Coffee Club",
            UnitName = "points",
            Status = ProgramStatus.Active,
            Terms = "Membership is free and personal. You earn 10 points for every euro spent in our cafés (rounded down per receipt); " +
                "points are confirmed 14 days after the purchase and expire 12 months after they were earned. Tiers are based on what you " +
                "spent in the last 12 months: Silver from €150, Gold from €400. Rewards cannot be exchanged for cash. Refunded purchases " +
                "take back the points they earned. We may change these terms with 30 days' notice by email.",
            Currency = currency,
            TimeZoneId = timeZoneId,
            PointsPerCurrencyUnit = 10m,
            Rounding = EarnRounding.Down,
            PointValue = 0.0075m,
            ExpiryKind = ExpiryKind.AfterDays,
            ExpiryDays = 365,
            PendingDays = PendingDays,
            TierBasis = TierBasis.AmountSpent,
            TierWindowMonths = 12,
            TierDowngradePolicy = TierDowngradePolicy.Recalculate,
            CreatedAt = at,
            UpdatedAt = at,
            EarnRules =
            [
                new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = "Welcome bonus: 100 points", BonusPoints = 100, CreatedAt = at, UpdatedAt = at },
                new EarnRule { Kind = EarnRuleKind.FirstPurchaseBonus, Name = "50 extra points on your first visit", BonusPoints = 50, CreatedAt = at, UpdatedAt = at },
                new EarnRule { Kind = EarnRuleKind.CategoryMultiplier, Name = "Double points on beans and brewing gear", Category = "retail", Multiplier = 2, CreatedAt = at, UpdatedAt = at },
                new EarnRule { Kind = EarnRuleKind.PromotionMultiplier, Name = "Double points on Tuesdays", Multiplier = 2, WeekdayMask = EarnRule.MaskOf(DayOfWeek.Tuesday), CreatedAt = at, UpdatedAt = at },
                new EarnRule { Kind = EarnRuleKind.BirthdayMonth, Name = "Double points in your birthday month", Multiplier = 2, CreatedAt = at, UpdatedAt = at },
                new EarnRule { Kind = EarnRuleKind.ReferralBonus, Name = "250 points for every friend who joins", BonusPoints = 250, CreatedAt = at, UpdatedAt = at },
            ],
            Tiers =
            [
                new Tier
                {
                    Name = "Bronze", Rank = 1, Threshold = 0, Description = "Where every member starts.", CreatedAt = at, UpdatedAt = at,
                    Benefits = [new TierBenefit { Kind = TierBenefitKind.ExclusiveOffers, Description = "Member-only offers by email" }],
                },
                new Tier
                {
                    Name = "Silver", Rank = 2, Threshold = 150, Description = "€150 spent in 12 months.", CreatedAt = at, UpdatedAt = at,
                    Benefits =
                    [
                        new TierBenefit { Kind = TierBenefitKind.EarnMultiplier, Value = 1.25m },
                        new TierBenefit { Kind = TierBenefitKind.DiscountPercent, Value = 5 },
                        new TierBenefit { Kind = TierBenefitKind.ExclusiveOffers, Description = "Member-only offers by email" },
                    ],
                },
                new Tier
                {
                    Name = "Gold", Rank = 3, Threshold = 400, Description = "€400 spent in 12 months.", CreatedAt = at, UpdatedAt = at,
                    Benefits =
                    [
                        new TierBenefit { Kind = TierBenefitKind.EarnMultiplier, Value = 1.5m },
                        new TierBenefit { Kind = TierBenefitKind.DiscountPercent, Value = 10 },
                        new TierBenefit { Kind = TierBenefitKind.PrioritySupport, Description = "Skip the queue with click & collect" },
                        new TierBenefit { Kind = TierBenefitKind.ExclusiveOffers, Description = "First taste of new seasonal blends" },
                    ],
                },
            ],
        };
        db.LoyaltyPrograms.Add(program);
        await db.SaveChangesAsync(ct);
        return program.Id;
    }

    private async Task<List<int>> CreateRewardsAsync(int programId, DateTimeOffset at, CancellationToken ct)
    {
        var tiers = await db.Tiers.Where(t => t.ProgramId == programId).ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        Reward R(string name, string description, RewardKind kind, decimal? value, int cost, int? stock = null, int? limit = null, string? sku = null, params string[] tierNames) => new()
        {
            ProgramId = programId,
            Name = name,
            Description = description,
            Kind = kind,
            Value = value,
            FreeItemSku = sku,
            CostPoints = cost,
            Stock = stock,
            PerMemberLimit = limit,
            CodeValidDays = 30,
            CreatedAt = at,
            UpdatedAt = at,
            Tiers = [.. tierNames.Select(t => new RewardTier { TierId = tiers[t] })],
        };
        var rewards = new List<Reward>
        {
            R("Free espresso", "Any single or double espresso.", RewardKind.FreeItem, null, 250, sku: "ESP"),
            R("Free pastry", "A croissant, pain au chocolat or cookie.", RewardKind.FreeItem, null, 300, sku: "CRO"),
            R("Free cappuccino", "Any size, any milk.", RewardKind.FreeItem, null, 400, sku: "CAP"),
            R("€5 off your order", "On any order of €10 or more.", RewardKind.AmountOff, 5, 700),
            R("20% off a bag of beans", "Any 250 g or 1 kg bag from our roaster.", RewardKind.PercentOff, 20, 900, limit: 2),
            R("Free bag of house beans", "250 g of our house blend, for Silver and Gold members.", RewardKind.FreeItem, null, 1400, sku: "BEA", tierNames: ["Silver", "Gold"]),
            R("Barista masterclass seat", "Two hours behind the bar with our head barista (Gold members, 12 seats).", RewardKind.FreeItem, null, 3500, stock: 12, limit: 1, tierNames: ["Gold"]),
        };
        db.Rewards.AddRange(rewards);
        await db.SaveChangesAsync(ct);
        return [.. rewards.Select(r => r.Id)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo loyalty data: {Members} members, {Purchases} purchases, {Refunds} refunds, {Redemptions} redemptions in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, int members, int purchases, int refunds, int redemptions, long milliseconds);

    private enum DemoEventKind
    {
        Join,
        Purchase,
        Refund,
        Redeem,
        Consume,
        Cancel,
        Expire,
    }

    private sealed record DemoEvent(DateTimeOffset At, DemoEventKind Kind, int CustomerId, string? Reference = null, string? LineSku = null, DateTimeOffset? OccurredAt = null);

    /// <summary>The engine's clock during the load: set to each event's time.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

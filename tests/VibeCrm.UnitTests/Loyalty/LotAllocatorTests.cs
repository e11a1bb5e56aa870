using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.UnitTests.Loyalty;

public sealed class LotAllocatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LotBalance Lot(int id, int remaining, int? expiresInDays, int earnedDay = 0) =>
        new(id, remaining, expiresInDays is { } d ? T0.AddDays(d) : null, T0.AddDays(earnedDay));

    [Fact]
    public void Spends_the_lot_expiring_first_then_the_next_and_never_expiring_lots_last()
    {
        var lots = new[] { Lot(1, 100, null), Lot(2, 50, 90), Lot(3, 30, 30) };
        var plan = LotAllocator.Spend(lots, 100);
        Assert.Equal([new LotDraw(3, 30), new LotDraw(2, 50), new LotDraw(1, 20)], plan.Draws);
        Assert.Equal(0, plan.Shortfall);
    }

    [Fact]
    public void Partial_spend_leaves_the_rest_of_the_lot()
    {
        var plan = LotAllocator.Spend([Lot(1, 100, 10)], 40);
        Assert.Equal([new LotDraw(1, 40)], plan.Draws);
    }

    [Fact]
    public void Ties_on_expiry_go_to_the_oldest_earned_then_lowest_id()
    {
        var plan = LotAllocator.Spend([Lot(5, 10, 30, earnedDay: 2), Lot(4, 10, 30, earnedDay: 1), Lot(3, 10, 30, earnedDay: 2)], 25);
        Assert.Equal([new LotDraw(4, 10), new LotDraw(3, 10), new LotDraw(5, 5)], plan.Draws);
    }

    [Fact]
    public void Empty_lots_are_skipped_and_a_shortfall_is_reported()
    {
        var plan = LotAllocator.Spend([Lot(1, 0, 1), Lot(2, 10, 5)], 15);
        Assert.Equal([new LotDraw(2, 10)], plan.Draws);
        Assert.Equal(5, plan.Shortfall);
    }

    [Fact]
    public void A_reversal_takes_from_the_purchase_lots_first_then_the_others()
    {
        var plan = LotAllocator.Reverse([Lot(9, 20, 365)], [Lot(1, 50, 10), Lot(2, 50, 20)], 60);
        Assert.Equal([new LotDraw(9, 20), new LotDraw(1, 40)], plan.Draws);
        Assert.Equal(0, plan.Shortfall);
    }

    [Fact]
    public void A_reversal_beyond_every_lot_reports_the_shortfall()
    {
        var plan = LotAllocator.Reverse([Lot(9, 5, 365)], [Lot(1, 10, 10)], 40);
        Assert.Equal(15, plan.Drawn);
        Assert.Equal(25, plan.Shortfall);
    }

    [Fact]
    public void Expiry_takes_the_remainder_of_lots_whose_time_has_come_only()
    {
        var lots = new[] { Lot(1, 30, 10), Lot(2, 0, 5), Lot(3, 70, 20), Lot(4, 10, null) };
        Assert.Equal([new LotDraw(1, 30)], LotAllocator.Expire(lots, T0.AddDays(10)));
        Assert.Empty(LotAllocator.Expire(lots, T0.AddDays(9)));
        Assert.Equal([new LotDraw(1, 30), new LotDraw(3, 70)], LotAllocator.Expire(lots, T0.AddDays(30)));
    }

    [Fact]
    public void Inactivity_expiry_takes_everything_left()
    {
        var lots = new[] { Lot(1, 30, 10), Lot(2, 0, 5), Lot(4, 10, null) };
        Assert.Equal([new LotDraw(1, 30), new LotDraw(4, 10)], LotAllocator.ExpireAll(lots));
    }
}

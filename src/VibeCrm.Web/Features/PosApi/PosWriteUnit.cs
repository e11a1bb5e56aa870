using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// The write side of one POS API request on SQLite: its turn in the tenant's <see cref="PosWriteGate"/> batch. The
/// <see cref="IdempotencyFilter"/> activates it; the request joins the batch before the endpoint runs, or — for
/// endpoints marked <see cref="JoinsAtFirstLedgerChange"/>, whose every write is a ledger change — right before its
/// first ledger change (<see cref="LedgerRunner"/> asks), so that its reads stay outside the write lock.
/// Outside an active request it does nothing.
/// </summary>
public sealed class PosWriteUnit(TenantDbContext db, PosWriteGate gate) : ILedgerTransactionSource
{
    /// <summary>Endpoint metadata: the endpoint writes only through <see cref="LedgerRunner"/>.</summary>
    public static readonly object JoinsAtFirstLedgerChange = new JoinsLate();

    private string? _tenantId;
    private PosWriteGate.WriteTurn? _turn;
    private bool _late;

    public bool Joined => _turn is not null;

    /// <summary>Activated for a request whose endpoint joins at its first ledger change, and not joined yet.</summary>
    public bool CanJoinLate => _tenantId is not null && _turn is null && _late;

    /// <param name="joinsLate">The endpoint writes only through <see cref="LedgerRunner"/>, which joins before its first save.</param>
    public void Activate(string tenantId, bool joinsLate = false)
    {
        _tenantId = tenantId;
        _late = joinsLate;
    }

    public async ValueTask JoinAsync(CancellationToken ct)
    {
        if (_tenantId is not null && _turn is null)
        {
            _turn = await gate.EnterAsync(db, _tenantId, ct);
        }
    }

    /// <summary>Keeps or undoes what the request wrote; when kept, returns once it is committed (throws when the commit failed).</summary>
    public async Task EndAsync(bool keep)
    {
        var turn = _turn;
        _turn = null;
        _tenantId = null;
        if (turn is not null)
        {
            await turn.EndAsync(keep);
        }
    }

    private sealed class JoinsLate;
}

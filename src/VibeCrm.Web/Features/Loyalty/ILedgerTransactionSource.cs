namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Where a ledger change gets its transaction. Outside the POS API nothing is arranged and <see cref="LedgerRunner"/>
/// begins its own; a POS API request may instead join a shared (group-committed) transaction right before its first
/// ledger change, so that the reads it did before stay outside the write lock.
/// </summary>
public interface ILedgerTransactionSource
{
    /// <summary>Called before each ledger change; once joined, later calls return at once.</summary>
    ValueTask JoinAsync(CancellationToken ct);
}

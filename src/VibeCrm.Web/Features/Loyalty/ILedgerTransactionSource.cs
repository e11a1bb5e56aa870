namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Where a ledger change gets its transaction. Outside the POS API nothing is arranged and <see cref="LedgerRunner"/>
/// begins its own; a POS API request may instead join a shared (group-committed) transaction right before its first
/// ledger change, so that the reads it did before stay outside the write lock.
/// </summary>
public interface ILedgerTransactionSource
{
    /// <summary>
    /// A shared transaction waits to be joined: the change may read and prepare its rows first and join right before it
    /// saves (see <see cref="LedgerRunner"/>).
    /// </summary>
    bool CanJoinLate { get; }

    /// <summary>Called before each ledger change, or before its first save when it joins late; once joined, later calls return at once.</summary>
    ValueTask JoinAsync(CancellationToken ct);
}

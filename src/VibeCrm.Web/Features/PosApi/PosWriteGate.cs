using System.Collections.Concurrent;
using VibeCrm.Data;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// SQLite has one writer per database: concurrent tills of one merchant would otherwise all start write transactions
/// and spin on the busy lock (each retry burning CPU and adding latency). The API's writes for one tenant queue here
/// instead, in arrival order, in this process. SQL Server needs no gate (row locks), so none is taken there.
/// </summary>
public sealed class PosWriteGate(DatabaseLocator locator)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string tenantId, CancellationToken ct)
    {
        if (locator.Provider != DatabaseProvider.Sqlite)
        {
            return Released.Instance;
        }

        var gate = _gates.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Released : IDisposable
    {
        public static readonly Released Instance = new();

        public void Dispose()
        {
        }
    }
}

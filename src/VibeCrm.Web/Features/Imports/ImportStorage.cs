using System.Collections.Concurrent;
using System.Text;
using VibeCrm.Data;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// Uploaded files live in the current tenant's own folder, <c>{DataFolder}/imports/{tenantId}/</c>, under a random name.
/// An <see cref="Data.Crm.ImportJob"/> keeps only that name; it is always resolved inside the folder of the tenant in scope,
/// so code running for one tenant can never open another tenant's file.
/// </summary>
public sealed class ImportStorage(DatabaseLocator locator, ITenantContextAccessor tenants)
{
    public string Folder
    {
        get
        {
            var tenantId = tenants.RequireTenant().Id;
            if (tenantId.Length == 0 || tenantId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            {
                throw new InvalidOperationException("The tenant id cannot be used as a folder name.");
            }

            return Path.Combine(locator.DataFolder, "imports", tenantId);
        }
    }

    /// <summary>A new file name (no folder) with <paramref name="suffix"/>.</summary>
    public static string NewName(string suffix) => Guid.NewGuid().ToString("N") + suffix;

    /// <summary>The full path of <paramref name="name"/> in the current tenant's folder; a name that tries to leave the folder is refused.</summary>
    public string PathOf(string name)
    {
        var folder = Folder;
        var path = Path.GetFullPath(Path.Combine(folder, name));
        if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder), StringComparison.Ordinal) || name != Path.GetFileName(name))
        {
            throw new InvalidOperationException("An import file must be in the tenant's import folder.");
        }

        return path;
    }

    public FileStream Create(string name)
    {
        Directory.CreateDirectory(Folder);
        return new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
    }

    public FileStream OpenRead(string name) => new(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>The stored (always UTF-8) CSV text.</summary>
    public StreamReader OpenText(string name) => new(OpenRead(name), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 65536);

    public bool Exists(string name) => File.Exists(PathOf(name));

    public void Delete(string? name)
    {
        if (name is not null && File.Exists(PathOf(name)))
        {
            File.Delete(PathOf(name));
        }
    }
}

/// <summary>
/// Live progress of running imports, for the progress bar. The job also stores its progress in the database at every
/// committed batch; while an all-or-nothing import holds its single transaction open, this is where progress is visible.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<(string Tenant, int Import), (string Phase, int Done)> _live = new();

    public void Report(string tenantId, int importId, string phase, int done) => _live[(tenantId, importId)] = (phase, done);

    public (string Phase, int Done)? Get(string tenantId, int importId) => _live.TryGetValue((tenantId, importId), out var value) ? value : null;

    public void Clear(string tenantId, int importId) => _live.TryRemove((tenantId, importId), out _);
}

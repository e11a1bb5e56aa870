namespace VibeCrm.E2E.Infrastructure;

/// <summary>Where the repository, axe-core and the screenshots are.</summary>
public static class E2EPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string AxeScript { get; } = Path.Combine(RepoRoot, "node_modules", "axe-core", "axe.min.js");

    public static string Screenshots { get; } = Path.Combine(RepoRoot, "artifacts", "screenshots");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VibeCrm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"VibeCrm.sln not found above {AppContext.BaseDirectory}.");
    }
}

namespace VibeCrm.Web.Infrastructure.Web;

/// <summary>
/// The web root is the repository's top-level <c>wwwroot</c>. A published app has it beside the binaries;
/// from the source tree (dotnet run, tests) it is found by walking up from the working and base directories.
/// </summary>
public static class WebRoot
{
    public static string? Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var published = Path.Combine(start, "wwwroot");
            if (Directory.Exists(Path.Combine(published, "css")))
            {
                return published;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VibeCrm.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                {
                    return Path.Combine(dir.FullName, "wwwroot");
                }
            }
        }

        return null;
    }
}

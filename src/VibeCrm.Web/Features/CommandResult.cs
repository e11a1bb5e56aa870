namespace VibeCrm.Web.Features;

/// <summary>A command's outcome: success, or a message for the person (never an exception for bad input).</summary>
public sealed record CommandResult(bool Succeeded, string? Error = null)
{
    public static readonly CommandResult Ok = new(true);

    public static CommandResult Fail(string error) => new(false, error);
}

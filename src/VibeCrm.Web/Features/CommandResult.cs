namespace VibeCrm.Web.Features;

/// <summary>
/// A command's outcome: success, or a message for the person (never an exception for bad input). A refusal may carry a
/// machine-readable <see cref="Code"/> (e.g. <see cref="Loyalty.LoyaltyErrors"/>) so callers such as the API can tell
/// refusals apart without reading the message.
/// </summary>
public sealed record CommandResult(bool Succeeded, string? Error = null, string? Code = null)
{
    public static readonly CommandResult Ok = new(true);

    public static CommandResult Fail(string error, string? code = null) => new(false, error, code);
}

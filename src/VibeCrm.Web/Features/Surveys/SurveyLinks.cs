using System.Globalization;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>The personal no-login link of one invitation: a signed token for the purpose "survey" carrying the invitation id.</summary>
public sealed class SurveyLinks(SignedLinks links)
{
    public const string Purpose = "survey";

    /// <summary>How long an emailed link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public string Token(int invitationId) => links.Create(Purpose, invitationId.ToString(CultureInfo.InvariantCulture), Lifetime);

    /// <summary>The absolute answer URL, e.g. https://host/corner-cafe/s/{token}.</summary>
    public string Url(string baseUrl, string tenantIdentifier, int invitationId) =>
        $"{baseUrl.TrimEnd('/')}/{tenantIdentifier}/s/{Uri.EscapeDataString(Token(invitationId))}";

    public (SignedLinkStatus Status, int InvitationId) Read(string? token)
    {
        var read = links.Read(Purpose, token);
        return read.IsValid && int.TryParse(read.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (SignedLinkStatus.Valid, id)
            : (read.IsValid ? SignedLinkStatus.Invalid : read.Status, 0);
    }
}

namespace VibeCrm.Web.Infrastructure.Web;

/// <summary>The back office's sections, in menu order. <see cref="Built"/> is false until the module ships.</summary>
public static class MerchantNav
{
    public sealed record Section(string Key, string Title, string Icon, bool Built, string Summary);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("dashboard", "Dashboard", "▦", true, "Your business at a glance."),
        new("customers", "Customers", "☺", true, "Customer profiles, interactions, opportunities and leads."),
        new("loyalty", "Loyalty", "★", true, "Programs, tiers, points and rewards."),
        new("feedback", "Feedback", "✎", true, "Reviews, surveys and complaints with automatic sentiment."),
        new("surveys", "Surveys", "☑", true, "NPS, CSAT and questionnaires sent by email."),
        new("segments", "Segments", "◔", false, "Groups of customers that update themselves."),
        new("marketing", "Marketing", "✉", false, "Campaigns and automations."),
        new("lifecycle", "Lifecycle", "↻", false, "Customer stages and scores."),
        new("settings", "Settings", "⚙", true, "Your team and your account."),
    ];

    public const string UnbuiltPattern = "^(segments|marketing|lifecycle)$";
}

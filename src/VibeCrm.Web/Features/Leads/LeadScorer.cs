using VibeCrm.Data.Crm;

namespace VibeCrm.Web.Features.Leads;

/// <summary>What a lead's score is computed from.</summary>
public sealed record LeadFacts(
    bool HasName, bool HasEmail, bool HasPhone, bool HasCompany, LeadSource Source, LeadStatus Status,
    int InteractionCount, DateTimeOffset? LastContactedAt);

/// <summary>A scoring rule as the scorer sees it (see <see cref="LeadScoreRule"/>).</summary>
public sealed record ScoreRule(string Kind, string? Argument, int Points, int? MaxPoints = null, bool IsActive = true);

/// <summary>The rule kinds a merchant can configure, and the pure computation of a lead's score.</summary>
public static class LeadScorer
{
    public const string HasField = "has-field";
    public const string Source = "source";
    public const string PerInteraction = "per-interaction";
    public const string RecentContact = "recent-contact";
    public const string Status = "status";

    public static readonly IReadOnlyList<string> Kinds = [HasField, Source, PerInteraction, RecentContact, Status];

    public static readonly IReadOnlyList<string> Fields = ["name", "email", "phone", "company"];

    /// <summary>Sum of the points of every active rule that applies; never below zero.</summary>
    public static int Score(LeadFacts lead, IEnumerable<ScoreRule> rules, DateTimeOffset now)
    {
        var total = 0;
        foreach (var rule in rules.Where(r => r.IsActive))
        {
            total += Points(lead, rule, now);
        }

        return Math.Max(0, total);
    }

    /// <summary>The points one rule gives one lead; MaxPoints caps the rule's contribution.</summary>
    public static int Points(LeadFacts lead, ScoreRule rule, DateTimeOffset now)
    {
        var points = rule.Kind switch
        {
            HasField => HasFieldValue(lead, rule.Argument) ? rule.Points : 0,
            Source => Is(rule.Argument, lead.Source) ? rule.Points : 0,
            Status => Is(rule.Argument, lead.Status) ? rule.Points : 0,
            PerInteraction => rule.Points * lead.InteractionCount,
            RecentContact => Days(rule.Argument) is { } days && lead.LastContactedAt is { } last && last <= now && now - last <= TimeSpan.FromDays(days)
                ? rule.Points
                : 0,
            _ => 0,
        };
        return rule.MaxPoints is { } max && points > max ? max : points;
    }

    /// <summary>Null when the rule is well formed, else the message for the merchant.</summary>
    public static string? Validate(string? kind, string? argument, int points, int? maxPoints)
    {
        if (kind is null || !Kinds.Contains(kind))
        {
            return "Choose what the rule checks.";
        }

        if (points is < -1000 or > 1000)
        {
            return "Points are between -1000 and 1000.";
        }

        if (maxPoints is < 0)
        {
            return "The cap cannot be negative.";
        }

        return kind switch
        {
            HasField when !Fields.Contains(argument?.Trim().ToLowerInvariant()) => "Say which field: name, email, phone or company.",
            Source when !Enum.TryParse<LeadSource>(argument?.Trim(), ignoreCase: true, out _) || int.TryParse(argument, out _) =>
                "Say which source: " + string.Join(", ", Enum.GetNames<LeadSource>()) + ".",
            Status when !Enum.TryParse<LeadStatus>(argument?.Trim(), ignoreCase: true, out _) || int.TryParse(argument, out _) =>
                "Say which status: " + string.Join(", ", Enum.GetNames<LeadStatus>()) + ".",
            RecentContact when Days(argument) is null => "Say within how many days (1 to 3650).",
            _ => null,
        };
    }

    /// <summary>The argument as stored: canonical field/enum names, a number of days, nothing for per-interaction.</summary>
    public static string? Canonical(string kind, string? argument) => kind switch
    {
        HasField => argument?.Trim().ToLowerInvariant(),
        Source => Enum.TryParse<LeadSource>(argument?.Trim(), true, out var s) ? s.ToString() : argument,
        Status => Enum.TryParse<LeadStatus>(argument?.Trim(), true, out var st) ? st.ToString() : argument,
        RecentContact => Days(argument)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string Describe(ScoreRule rule) => rule.Kind switch
    {
        HasField => $"Has {rule.Argument}",
        Source => $"Source is {rule.Argument}",
        Status => $"Status is {rule.Argument}",
        PerInteraction => "Each logged interaction",
        RecentContact => $"Contacted in the last {rule.Argument} days",
        _ => rule.Kind,
    };

    private static bool HasFieldValue(LeadFacts lead, string? field) => field?.Trim().ToLowerInvariant() switch
    {
        "name" => lead.HasName,
        "email" => lead.HasEmail,
        "phone" => lead.HasPhone,
        "company" => lead.HasCompany,
        _ => false,
    };

    private static bool Is<TEnum>(string? argument, TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(argument?.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(argument, out _) && parsed.Equals(value);

    private static int? Days(string? argument) =>
        int.TryParse(argument?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650
            ? days
            : null;
}

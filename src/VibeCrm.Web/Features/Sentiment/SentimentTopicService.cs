using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>A tenant topic as the settings page lists it.</summary>
public sealed record TopicRow(int Id, string Name, string Keywords, bool ExtendsBuiltIn);

/// <summary>
/// The tenant's own topics, and keywords added to built-in ones (a topic named like a built-in one extends it).
/// Keywords: comma-separated, letters, digits, spaces, apostrophes and hyphens, optionally ending with '*' (prefix).
/// </summary>
public sealed class SentimentTopicService(TenantDbContext db, TimeProvider clock)
{
    public const int MaxKeywords = 50;
    public const int MaxKeywordLength = 40;
    public const int MaxTopics = 50;

    public static IReadOnlySet<string> BuiltInNames { get; } =
        SentimentTopics.Defaults.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<TopicRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SentimentTopics.AsNoTracking().OrderBy(t => t.NormalizedName)
            .Select(t => new { t.Id, t.Name, t.Keywords }).ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TopicRow(t.Id, t.Name, t.Keywords, BuiltInNames.Contains(t.Name)))];
    }

    /// <summary>The tenant's topics in the shape <see cref="SentimentTopics.Detect"/> takes.</summary>
    public static async Task<IReadOnlyList<TopicDefinition>> DefinitionsAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.SentimentTopics.AsNoTracking().Select(t => new { t.Name, t.Keywords }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TopicDefinition(r.Name, SplitKeywords(r.Keywords)))];
    }

    public async Task<CommandResult> AddAsync(string? name, string? keywords, CancellationToken cancellationToken)
    {
        if (Validate(name, keywords, out var cleanName, out var cleanKeywords) is { } error)
        {
            return CommandResult.Fail(error);
        }

        var normalized = cleanName.ToLowerInvariant();
        if (await db.SentimentTopics.AnyAsync(t => t.NormalizedName == normalized, cancellationToken))
        {
            return CommandResult.Fail($"There is already a topic \"{cleanName}\": edit it to add keywords.");
        }

        if (await db.SentimentTopics.CountAsync(cancellationToken) >= MaxTopics)
        {
            return CommandResult.Fail($"At most {MaxTopics} topics: remove one first.");
        }

        var now = clock.GetUtcNow();
        db.SentimentTopics.Add(new SentimentTopic { Name = cleanName, NormalizedName = normalized, Keywords = cleanKeywords, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> UpdateAsync(int id, string? keywords, CancellationToken cancellationToken)
    {
        var topic = await db.SentimentTopics.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (topic is null)
        {
            return CommandResult.Fail("That topic no longer exists.");
        }

        if (Validate(topic.Name, keywords, out _, out var cleanKeywords) is { } error)
        {
            return CommandResult.Fail(error);
        }

        topic.Keywords = cleanKeywords;
        topic.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await db.SentimentTopics.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CommandResult.Fail("That topic no longer exists.") : CommandResult.Ok;
    }

    /// <summary>Null when valid; otherwise the message for the person. Outputs the trimmed name and keywords joined by ", ".</summary>
    public static string? Validate(string? name, string? keywords, out string cleanName, out string cleanKeywords)
    {
        cleanName = (name ?? "").Trim();
        cleanKeywords = "";
        if (cleanName.Length == 0)
        {
            return "Give the topic a name.";
        }

        if (cleanName.Length > SentimentTopic.NameMaxLength)
        {
            return $"The name can have at most {SentimentTopic.NameMaxLength} characters.";
        }

        if (!cleanName.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\''))
        {
            return "The name can contain letters, digits, spaces, hyphens and apostrophes only.";
        }

        var list = SplitKeywords(keywords);
        if (list.Count == 0)
        {
            return "Add at least one keyword, separated by commas.";
        }

        if (list.Count > MaxKeywords)
        {
            return $"At most {MaxKeywords} keywords per topic.";
        }

        foreach (var keyword in list)
        {
            if (keyword.Length > MaxKeywordLength)
            {
                return $"The keyword \"{keyword[..20]}…\" is longer than {MaxKeywordLength} characters.";
            }

            var body = keyword.EndsWith('*') ? keyword[..^1] : keyword;
            if (body.Length < 2 || !body.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'')
                || !char.IsLetterOrDigit(body[0]) || !char.IsLetterOrDigit(body[^1]))
            {
                return $"\"{keyword}\" is not a usable keyword: use words of letters or digits (at least 2), optionally ending with * for a prefix.";
            }
        }

        var joined = string.Join(", ", list);
        if (joined.Length > SentimentTopic.KeywordsMaxLength)
        {
            return $"The keywords are too long together (at most {SentimentTopic.KeywordsMaxLength} characters).";
        }

        cleanKeywords = joined;
        return null;
    }

    public static IReadOnlyList<string> SplitKeywords(string? keywords) =>
        [.. (keywords ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => string.Join(' ', k.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)];
}

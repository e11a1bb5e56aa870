namespace VibeCrm.Sentiment;

/// <summary>The label vocabulary of the sentiment model.</summary>
public static class SentimentLabels
{
    public const string Positive = "positive";
    public const string Neutral = "neutral";
    public const string Negative = "negative";

    /// <summary>All labels, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Positive, Neutral, Negative];

    /// <summary>
    /// Normalises a label: positive/neutral/negative (any case, also pos/neu/neg) and the binary
    /// forms 1 (positive) and 0 (negative). Returns null for anything else.
    /// </summary>
    public static string? Normalize(string? label)
    {
        switch (label?.Trim().ToLowerInvariant())
        {
            case "positive" or "pos" or "1":
                return Positive;
            case "negative" or "neg" or "0":
                return Negative;
            case "neutral" or "neu":
                return Neutral;
            default:
                return null;
        }
    }

    internal static bool IsBinary(string? label) => label?.Trim() is "1" or "0";
}

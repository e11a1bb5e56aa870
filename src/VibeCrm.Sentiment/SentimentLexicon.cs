namespace VibeCrm.Sentiment;

/// <summary>Hand-written polarity word list (Corpus/lexicon.tsv, embedded) with light suffix stripping.</summary>
internal static class SentimentLexicon
{
    private static readonly Lazy<Dictionary<string, float>> Words = new(Load);

    public static float Polarity(string token)
    {
        var words = Words.Value;
        if (words.TryGetValue(token, out var p))
        {
            return p;
        }

        foreach (var candidate in Stems(token))
        {
            if (words.TryGetValue(candidate, out p))
            {
                return p;
            }
        }

        return 0f;
    }

    private static IEnumerable<string> Stems(string token)
    {
        if (token.Length < 4)
        {
            yield break;
        }

        if (token.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return token[..^3] + "y";
        }

        if (token.EndsWith('s'))
        {
            yield return token[..^1];
        }

        if (token.EndsWith("ly", StringComparison.Ordinal))
        {
            yield return token[..^2];
        }

        if (token.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return token[..^2];
            yield return token[..^1];
        }

        if (token.EndsWith("ing", StringComparison.Ordinal) && token.Length > 5)
        {
            yield return token[..^3];
            yield return token[..^3] + "e";
        }

        if (token.EndsWith("est", StringComparison.Ordinal) && token.Length > 5)
        {
            yield return token[..^3];
            yield return token[..^2];
        }
    }

    private static Dictionary<string, float> Load()
    {
        var dict = new Dictionary<string, float>(StringComparer.Ordinal);
        using var stream = EmbeddedResources.Open(EmbeddedResources.Lexicon);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var word = line[..tab].Trim().ToLowerInvariant();
            var label = line[(tab + 1)..].Trim();
            dict[word] = label == "positive" ? 1f : -1f;
        }

        return dict;
    }
}

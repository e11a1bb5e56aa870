using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VibeCrm.Sentiment;

/// <summary>
/// Turns raw customer text into the three inputs of the model:
/// a lightly normalised string for character n-grams, a token string with negation scope marked
/// for word n-grams, and a small vector of lexicon/emoji/rating features.
/// The same code runs at training and at prediction time, so changing it requires retraining.
/// </summary>
internal static partial class TextPreprocessor
{
    public const int LexFeatureCount = 15;

    private const int NegationScope = 3;

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without", "hardly", "barely", "cannot", "nowhere", "zero",
    };

    private static readonly HashSet<string> ScopeBreakers = new(StringComparer.Ordinal)
    {
        "but", "however", "though", "although", "yet", "and", "because", "so", "while", "whereas", "except", "unfortunately", "sadly", "still",
    };

    // "don't waste your money", "don't bother": negation does not turn these into praise.
    private static readonly HashSet<string> NegationKeepsPolarity = new(StringComparer.Ordinal)
    {
        "waste", "wasted", "wasting", "bother",
    };

    private static readonly HashSet<string> ContrastMarkers = new(StringComparer.Ordinal)
    {
        "but", "however", "yet", "unfortunately", "sadly", "though", "except",
    };

    private static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not", ["isnt"] = "is not", ["wasnt"] = "was not",
        ["werent"] = "were not", ["arent"] = "are not", ["cant"] = "can not", ["couldnt"] = "could not", ["wouldnt"] = "would not",
        ["shouldnt"] = "should not", ["wont"] = "will not", ["havent"] = "have not", ["hasnt"] = "has not", ["hadnt"] = "had not",
        ["aint"] = "is not", ["mustnt"] = "must not", ["neednt"] = "need not", ["cannot"] = "can not", ["nothin"] = "nothing",
        ["im"] = "i am", ["ive"] = "i have", ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["pls"] = "please", ["plz"] = "please",
        ["thx"] = "thanks", ["tho"] = "though", ["gr8"] = "great", ["w/"] = "with", ["w/o"] = "without", ["b4"] = "before",
    };

    private static readonly HashSet<string> PositiveEmoji = new(StringComparer.Ordinal)
    {
        "😍", "👍", "😋", "❤", "🔥", "🙌", "😊", "💯", "👌", "🥰", "😀", "🤩", "💕", "☺", "👏", "😁", "😃", "😄", "😆", "😘", "😻", "💖",
        "💗", "💓", "💞", "💘", "💜", "💙", "💚", "💛", "🧡", "🤍", "♥", "✨", "🎉", "🥳", "😎", "🤗", "😇", "🙏", "✅", "💪", "🏆", "🥇",
        "😂", "🤤", "😌", "🌟", "⭐", "🤘", "🆒",
    };

    private static readonly HashSet<string> NegativeEmoji = new(StringComparer.Ordinal)
    {
        "😡", "👎", "🤮", "😤", "😠", "😞", "🙄", "😒", "🤢", "😩", "😢", "💩", "😫", "🤬", "😑", "😭", "😖", "😣", "😓", "😔", "😟",
        "😕", "🙁", "☹", "😬", "😱", "😨", "😰", "🤦", "❌", "🚫", "💔", "🥶", "🤨", "😾", "🐌", "⚠",
    };

    [GeneratedRegex(@"(?<=^|\s)(?::-?\)|:-?D|;-?\)|:-?P|<3|=\)|\(:|:\]|\^_\^|xD)(?=$|\s|[.!,])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PositiveEmoticon();

    [GeneratedRegex(@"(?<=^|\s)(?::-?\(|:'\(|:-?/|:-?\||D:|>:\(|:-?S|=\()(?=$|\s|[.!,])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NegativeEmoticon();

    [GeneratedRegex(@"\b(?<v>\d+(?:\.\d+)?)\s*(?:/|out\s+of)\s*(?<m>5|10|100)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RatingFraction();

    [GeneratedRegex(@"\b(?<v>[0-5]|zero|one|two|three|four|five|half)(?:\.5)?\s*-?\s*stars?\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RatingStars();

    [GeneratedRegex(@"(?<c>\p{L})\k<c>{2,}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RepeatedLetters();

    [GeneratedRegex(@"(?<c>[!?.])\k<c>+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RepeatedPunctuation();

    [GeneratedRegex(@"\bw/o?(?!\p{L})|[\p{L}\p{N}][\p{L}\p{N}'_]*|[!?.,;:]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Whitespace();

    public static PreprocessedText Process(string? text)
    {
        var raw = (text ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var capsWords = CountCapsWords(raw);
        var s = raw.ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'')
            .Replace('\u201C', '"').Replace('\u201D', '"');

        var rating = 0f;
        s = RatingFraction().Replace(s, m =>
        {
            var value = double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
            var max = double.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var token = RatingToken(value / max, ref rating);
            return " " + token + " ";
        });
        s = RatingStars().Replace(s, m =>
        {
            var value = m.Groups["v"].Value switch
            {
                "zero" => 0d, "half" => 0.5d, "one" => 1d, "two" => 2d, "three" => 3d, "four" => 4d, "five" => 5d,
                var digits => double.Parse(digits, CultureInfo.InvariantCulture),
            };
            return " " + RatingToken(value / 5d, ref rating) + " ";
        });

        var emoPos = 0;
        var emoNeg = 0;
        s = PositiveEmoticon().Replace(s, _ =>
        {
            emoPos++;
            return " emopos ";
        });
        s = NegativeEmoticon().Replace(s, _ =>
        {
            emoNeg++;
            return " emoneg ";
        });
        s = MapSymbols(s, ref emoPos, ref emoNeg, ref rating);
        var exclaims = s.Count(c => c == '!');
        s = RepeatedLetters().Replace(s, "${c}${c}");
        s = RepeatedPunctuation().Replace(s, "${c}");
        var charText = Whitespace().Replace(s, " ").Trim();

        var tokens = Tokenize(charText);
        var marked = new List<string>(tokens.Count + 4);
        var scope = 0;
        var lastContrast = -1;
        var lastSentenceStart = 0;
        var pos = 0f;
        var neg = 0f;
        var lexHits = new List<(int Index, float Polarity)>();
        var sentenceStarts = new List<int> { 0 };
        var negatedPos = 0;
        var negatedNeg = 0;
        foreach (var token in tokens)
        {
            if (token is "." or "!" or "?" or ";" or ":" or ",")
            {
                scope = 0;
                marked.Add(token);
                if (token is "." or "!" or "?")
                {
                    lastSentenceStart = marked.Count;
                    sentenceStarts.Add(marked.Count);
                }

                continue;
            }

            if (ContrastMarkers.Contains(token))
            {
                lastContrast = marked.Count;
            }

            if (ScopeBreakers.Contains(token))
            {
                scope = 0;
                marked.Add(token);
                continue;
            }

            if (Negators.Contains(token))
            {
                scope = NegationScope;
                marked.Add(token);
                continue;
            }

            var negated = scope > 0;
            if (negated)
            {
                scope--;
            }

            var polarity = SentimentLexicon.Polarity(token);
            if (polarity != 0)
            {
                var flipped = negated && !NegationKeepsPolarity.Contains(token);
                var contribution = flipped ? -0.75f * polarity : polarity;
                if (flipped)
                {
                    if (polarity > 0)
                    {
                        negatedPos++;
                    }
                    else
                    {
                        negatedNeg++;
                    }
                }

                lexHits.Add((marked.Count, contribution));
                if (contribution > 0)
                {
                    pos += contribution;
                }
                else
                {
                    neg -= contribution;
                }
            }

            marked.Add(negated ? "neg_" + token : token);
        }

        // "sentence" boundaries at the very end (a trailing "!" or ".") do not start a new sentence.
        if (lastSentenceStart >= marked.Count)
        {
            lastSentenceStart = LastSentenceStartBefore(marked, marked.Count - 1);
        }

        var lex = new float[LexFeatureCount];
        lex[0] = Balance(pos, neg);
        if (lastContrast >= 0)
        {
            SumFrom(lexHits, lastContrast, out var cp, out var cn);
            lex[1] = Balance(cp, cn);
        }

        if (lastSentenceStart > 0)
        {
            SumFrom(lexHits, lastSentenceStart, out var sp, out var sn);
            lex[2] = Balance(sp, sn);
        }

        lex[3] = emoPos + emoNeg == 0 ? 0f : (emoPos - emoNeg) / (float)(emoPos + emoNeg);
        lex[4] = rating;
        lex[5] = pos + neg == 0 ? 1f : 0f;
        lex[6] = charText.Contains('?', StringComparison.Ordinal) ? 1f : 0f;
        lex[7] = MathF.Min(1f, MathF.Log(1 + tokens.Count) / 5f);
        lex[8] = MathF.Min(1f, (capsWords + exclaims) / 4f) * MathF.Sign(lex[0]);

        // Long reviews: length-normalised polarity densities, negated polar words, the first sentence (polite
        // openers, verdict-first reviews) and the share of sentences that lean positive or negative.
        var words = Math.Max(1, tokens.Count);
        var density = 1f / MathF.Sqrt(words);
        lex[9] = MathF.Min(1f, pos * density);
        lex[10] = MathF.Min(1f, neg * density);
        lex[11] = MathF.Min(1f, negatedPos / 2f);
        lex[12] = MathF.Min(1f, negatedNeg / 2f);
        var firstEnd = sentenceStarts.Count > 1 ? sentenceStarts[1] : int.MaxValue;
        SumRange(lexHits, 0, firstEnd, out var fp, out var fn);
        lex[13] = sentenceStarts.Count > 1 ? Balance(fp, fn) : 0f;
        lex[14] = SentenceLean(lexHits, sentenceStarts);

        return new PreprocessedText(charText, string.Join(' ', marked), lex);
    }

    private static int LastSentenceStartBefore(List<string> marked, int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (marked[i] is "." or "!" or "?")
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static void SumFrom(List<(int Index, float Polarity)> hits, int start, out float pos, out float neg)
    {
        pos = 0;
        neg = 0;
        foreach (var (index, polarity) in hits)
        {
            if (index < start)
            {
                continue;
            }

            if (polarity > 0)
            {
                pos += polarity;
            }
            else
            {
                neg -= polarity;
            }
        }
    }

    private static void SumRange(List<(int Index, float Polarity)> hits, int start, int end, out float pos, out float neg)
    {
        pos = 0;
        neg = 0;
        foreach (var (index, polarity) in hits)
        {
            if (index < start || index >= end)
            {
                continue;
            }

            if (polarity > 0)
            {
                pos += polarity;
            }
            else
            {
                neg -= polarity;
            }
        }
    }

    // (sentences leaning positive - sentences leaning negative) / sentences with any polar word.
    private static float SentenceLean(List<(int Index, float Polarity)> hits, List<int> starts)
    {
        var up = 0;
        var down = 0;
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : int.MaxValue;
            SumRange(hits, starts[i], end, out var p, out var n);
            if (p > n)
            {
                up++;
            }
            else if (n > p)
            {
                down++;
            }
        }

        return up + down == 0 ? 0f : (up - down) / (float)(up + down);
    }

    private static float Balance(float pos, float neg) => (pos - neg) / (pos + neg + 1f);

    private static string RatingToken(double fraction, ref float rating)
    {
        if (fraction >= 0.7)
        {
            rating = 1f;
            return "rating_high";
        }

        if (fraction <= 0.45)
        {
            rating = -1f;
            return "rating_low";
        }

        rating = 0f;
        return "rating_mid";
    }

    private static int CountCapsWords(string raw)
    {
        var count = 0;
        foreach (var word in raw.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3 && word.Any(char.IsLetter) && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                count++;
            }
        }

        return count;
    }

    private static string MapSymbols(string s, ref int emoPos, ref int emoNeg, ref float rating)
    {
        var sb = new StringBuilder(s.Length + 16);
        var filledStars = 0;
        var emptyStars = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.Value == 0x2605)
            {
                filledStars++;
                continue;
            }

            if (rune.Value == 0x2606)
            {
                emptyStars++;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol || rune.Value is 0x2764 or 0x263A or 0x2639)
            {
                var str = rune.ToString();
                if (PositiveEmoji.Contains(str))
                {
                    emoPos++;
                    sb.Append(" emopos ");
                }
                else if (NegativeEmoji.Contains(str))
                {
                    emoNeg++;
                    sb.Append(" emoneg ");
                }
                else if (category == UnicodeCategory.OtherSymbol)
                {
                    sb.Append(" emoother ");
                }
                else
                {
                    sb.Append(str);
                }

                continue;
            }

            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue; // variation selectors, zero-width joiners, skin tones' combining parts
            }

            sb.Append(rune.ToString());
        }

        if (filledStars + emptyStars > 0)
        {
            var total = filledStars + emptyStars;
            var fraction = total >= 5 ? filledStars / (double)total : filledStars / 5d;
            sb.Append(' ').Append(RatingToken(fraction, ref rating)).Append(' ');
        }

        return sb.ToString();
    }

    private static List<string> Tokenize(string text)
    {
        var result = new List<string>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            var token = m.Value;
            if (token.EndsWith("n't", StringComparison.Ordinal))
            {
                var stem = token[..^3];
                result.Add(stem switch { "ca" => "can", "wo" => "will", "sha" => "shall", "ai" => "is", _ => stem });
                result.Add("not");
                continue;
            }

            if (token.Contains('\'', StringComparison.Ordinal))
            {
                var bare = token.Replace("'", string.Empty, StringComparison.Ordinal);
                if (Contractions.TryGetValue(bare, out var expandedBare) && bare.EndsWith('t'))
                {
                    result.AddRange(expandedBare.Split(' '));
                    continue;
                }

                var apostrophe = token.IndexOf('\'', StringComparison.Ordinal);
                result.Add(token[..apostrophe]);
                var rest = token[(apostrophe + 1)..];
                if (rest.Length > 0 && rest != "s")
                {
                    result.Add(rest switch { "m" => "am", "re" => "are", "ve" => "have", "ll" => "will", "d" => "would", _ => rest });
                }

                continue;
            }

            if (Contractions.TryGetValue(token, out var expanded))
            {
                result.AddRange(expanded.Split(' '));
                continue;
            }

            result.Add(token);
        }

        return result;
    }
}

internal sealed record PreprocessedText(string CharText, string WordText, float[] Lex);

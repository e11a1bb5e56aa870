namespace VibeCrm.Sentiment;

/// <summary>A training or evaluation example. Label is positive, neutral, negative, or 1/0 (binary positive/negative).</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>A line of a TSV file that could not be read.</summary>
public sealed record TsvError(int LineNumber, string Message);

/// <summary>Rows read from a TSV file plus the lines that were skipped as malformed.</summary>
public sealed record TsvParseResult(IReadOnlyList<LabelledText> Rows, IReadOnlyList<TsvError> Errors);

/// <summary>The corpora shipped inside the assembly.</summary>
public static class SentimentCorpus
{
    private static readonly Lazy<IReadOnlyList<LabelledText>> TrainRows = new(() => LoadEmbedded(EmbeddedResources.Train));
    private static readonly Lazy<IReadOnlyList<LabelledText>> HeldOutRows = new(() => LoadEmbedded(EmbeddedResources.HeldOut));
    private static readonly Lazy<IReadOnlyList<LabelledText>> RealisticCheckRows = new(() => LoadEmbedded(EmbeddedResources.RealisticCheck));
    private static readonly Lazy<IReadOnlyList<LabelledText>> RealisticCheck2Rows = new(() => LoadEmbedded(EmbeddedResources.RealisticCheck2));

    /// <summary>The base training corpus (Corpus/train.tsv).</summary>
    public static IReadOnlyList<LabelledText> Train => TrainRows.Value;

    /// <summary>The held-out evaluation corpus (Corpus/heldout.tsv), written separately from the training corpus.</summary>
    public static IReadOnlyList<LabelledText> HeldOut => HeldOutRows.Value;

    /// <summary>
    /// Longer review-style texts with binary 1/0 labels (Corpus/realistic-check.tsv), never used for training:
    /// a sanity check of how the model generalises beyond the short training texts.
    /// </summary>
    public static IReadOnlyList<LabelledText> RealisticCheck => RealisticCheckRows.Value;

    /// <summary>
    /// A second, independently written set of ~400 long reviews (Corpus/realistic-check-2.tsv, binary 1/0), never used
    /// for training: different businesses, products and phrasings from the training and realistic-check texts.
    /// </summary>
    public static IReadOnlyList<LabelledText> RealisticCheck2 => RealisticCheck2Rows.Value;

    private static IReadOnlyList<LabelledText> LoadEmbedded(string name)
    {
        using var stream = EmbeddedResources.Open(name);
        return SentimentTrainer.LoadTsv(stream);
    }
}

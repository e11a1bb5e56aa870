namespace VibeCrm.Sentiment;

internal static class EmbeddedResources
{
    public const string Lexicon = "VibeCrm.Sentiment.Corpus.lexicon.tsv";
    public const string Train = "VibeCrm.Sentiment.Corpus.train.tsv";
    public const string HeldOut = "VibeCrm.Sentiment.Corpus.heldout.tsv";
    public const string RealisticCheck = "VibeCrm.Sentiment.Corpus.realistic-check.tsv";
    public const string RealisticCheck2 = "VibeCrm.Sentiment.Corpus.realistic-check-2.tsv";
    public const string Model = "VibeCrm.Sentiment.Model.sentiment-model.zip";

    public static bool Exists(string name) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceInfo(name) is not null;

    public static Stream Open(string name) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(EmbeddedResources).Assembly.GetName().Name}.");
}

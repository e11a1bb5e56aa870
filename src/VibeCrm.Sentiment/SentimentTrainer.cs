using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace VibeCrm.Sentiment;

/// <summary>Multiclass trainers the pipeline supports. The shipped model uses the default.</summary>
public enum SentimentTrainerKind
{
    LbfgsMaximumEntropy,
    SdcaMaximumEntropy,
    OneVersusAllLinearSvm,
    OneVersusAllAveragedPerceptron,
}

/// <summary>Trains sentiment models and reads labelled TSV files.</summary>
public static class SentimentTrainer
{
    /// <summary>The trainer used for the shipped model (chosen by held-out macro-F1, see README).</summary>
    public const SentimentTrainerKind DefaultTrainer = SentimentTrainerKind.LbfgsMaximumEntropy;

    /// <summary>
    /// Trains a model. Labels may be positive/neutral/negative or 1/0; rows with other labels or empty text are ignored.
    /// Training is deterministic for a given seed and row order.
    /// </summary>
    public static SentimentModel Train(IEnumerable<LabelledText> rows, int seed = 1) => Train(rows, DefaultTrainer, seed);

    /// <summary>Trains a model with a specific trainer.</summary>
    public static SentimentModel Train(IEnumerable<LabelledText> rows, SentimentTrainerKind trainer, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inputs = new List<ModelInput>();
        foreach (var row in rows)
        {
            var label = SentimentLabels.Normalize(row.Label);
            if (label is null || string.IsNullOrWhiteSpace(row.Text))
            {
                continue;
            }

            inputs.Add(ModelInput.From(row.Text, label));
        }

        if (inputs.Select(i => i.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("Training needs labelled rows of at least two different labels.", nameof(rows));
        }

        var ml = new MLContext(seed: seed);
        var data = ml.Data.LoadFromEnumerable(inputs);
        var pipeline = BuildPipeline(ml, trainer);
        var transformer = pipeline.Fit(data);
        return new SentimentModel(ml, transformer, data.Schema);
    }

    /// <summary>Reads a UTF-8 TSV file of <c>text&lt;TAB&gt;label</c> lines; malformed lines are skipped.</summary>
    public static IReadOnlyList<LabelledText> LoadTsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return ParseTsv(reader).Rows;
    }

    /// <summary>Reads UTF-8 TSV from a stream (left open); malformed lines are skipped.</summary>
    public static IReadOnlyList<LabelledText> LoadTsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return ParseTsv(reader).Rows;
    }

    /// <summary>
    /// Parses <c>text&lt;TAB&gt;label</c> lines. Blank lines and a first line <c>text&lt;TAB&gt;label</c> are skipped.
    /// The label is after the last tab and must be positive, neutral, negative, 1 or 0 (labels are kept as written, trimmed).
    /// Lines without a tab, with empty text or with an unknown label are reported in <see cref="TsvParseResult.Errors"/>.
    /// </summary>
    public static TsvParseResult ParseTsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<LabelledText>();
        var errors = new List<TsvError>();
        var lineNumber = 0;
        var seenContent = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (!seenContent)
            {
                seenContent = true;
                if (tab >= 0 && IsHeader(line[..tab], line[(tab + 1)..]))
                {
                    continue;
                }
            }

            if (tab < 0)
            {
                errors.Add(new TsvError(lineNumber, "missing tab between text and label"));
                continue;
            }

            var text = line[..tab].Trim();
            var label = line[(tab + 1)..].Trim();
            if (text.Length == 0)
            {
                errors.Add(new TsvError(lineNumber, "empty text"));
                continue;
            }

            if (SentimentLabels.Normalize(label) is null || label.Equals("pos", StringComparison.OrdinalIgnoreCase)
                || label.Equals("neg", StringComparison.OrdinalIgnoreCase) || label.Equals("neu", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new TsvError(lineNumber, string.Create(CultureInfo.InvariantCulture, $"unknown label '{Truncate(label)}' (expected positive, neutral, negative, 1 or 0)")));
                continue;
            }

            rows.Add(new LabelledText(text, label.ToLowerInvariant()));
        }

        return new TsvParseResult(rows, errors);
    }

    internal static IEstimator<ITransformer> BuildPipeline(MLContext ml, SentimentTrainerKind trainer)
    {
        var words = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var chars = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };

        var features = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("WordFeatures", words, "WordText"))
            .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", chars, "CharText"))
            .Append(ml.Transforms.Concatenate("Features", "WordFeatures", "CharFeatures", "Lex"));

        IEstimator<ITransformer> estimator = trainer switch
        {
            SentimentTrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = "Features",
                    L2Regularization = 0.03f,
                    L1Regularization = 0.003f,
                    NumberOfThreads = 1,
                }),
            SentimentTrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = "Features",
                    NumberOfThreads = 1,
                }),
            SentimentTrainerKind.OneVersusAllLinearSvm => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.LinearSvm(labelColumnName: "LabelKey", featureColumnName: "Features", numberOfIterations: 20),
                labelColumnName: "LabelKey",
                useProbabilities: true),
            SentimentTrainerKind.OneVersusAllAveragedPerceptron => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "LabelKey", featureColumnName: "Features", numberOfIterations: 20),
                labelColumnName: "LabelKey",
                useProbabilities: true),
            _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Unknown trainer."),
        };

        return features
            .Append(estimator)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    private static bool IsHeader(string text, string label) =>
        text.Trim().Equals("text", StringComparison.OrdinalIgnoreCase) && label.Trim().Equals("label", StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}

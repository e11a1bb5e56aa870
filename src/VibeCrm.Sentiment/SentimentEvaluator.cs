using System.Globalization;
using System.Text;

namespace VibeCrm.Sentiment;

/// <summary>How an evaluation compared predictions with the gold labels.</summary>
public enum EvaluationMode
{
    /// <summary>
    /// All gold labels are 1/0 (positive/negative). The prediction is the sign of Score:
    /// Score &gt; 0 is positive, otherwise negative. Metrics are over the two classes.
    /// </summary>
    Binary,

    /// <summary>Gold labels include neutral. The prediction is the model's label; metrics are over positive, neutral, negative.</summary>
    ThreeClass,

    /// <summary>
    /// Gold labels are named but only positive/negative occur. The prediction is still the model's 3-way label, so a
    /// neutral prediction counts as an error (it lowers accuracy and the recall of the gold class); macro-F1 averages
    /// F1 over the classes present in the gold labels only, since neutral has no gold examples to be scored on.
    /// </summary>
    PresentClasses,
}

/// <summary>Precision, recall and F1 of one class. Support is the number of gold rows of the class.</summary>
public sealed record ClassMetrics(string Label, int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>One cell of the confusion matrix.</summary>
public sealed record ConfusionEntry(string Actual, string Predicted, int Count);

/// <summary>Result of <see cref="SentimentEvaluator.Evaluate"/>.</summary>
public sealed record EvaluationReport(
    EvaluationMode Mode,
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<ConfusionEntry> Confusion)
{
    /// <summary>Count of rows with the given gold and predicted labels.</summary>
    public int ConfusionCount(string actual, string predicted) =>
        Confusion.FirstOrDefault(c => c.Actual == actual && c.Predicted == predicted)?.Count ?? 0;

    /// <summary>Plain-text report: n, accuracy, macro-F1, per-class lines and the confusion matrix.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"n: {Count}").AppendLine();
        sb.Append(inv, $"mode: {ModeName(Mode)}").AppendLine();
        sb.Append(inv, $"accuracy: {Accuracy:0.0000}").AppendLine();
        sb.Append(inv, $"macro-F1: {MacroF1:0.0000}").AppendLine();
        foreach (var c in Classes)
        {
            sb.Append(inv, $"class {c.Label}: precision {c.Precision:0.0000} recall {c.Recall:0.0000} F1 {c.F1:0.0000} support {c.Support} predicted {c.Predicted}").AppendLine();
        }

        var labels = Confusion.Select(c => c.Predicted).Concat(Confusion.Select(c => c.Actual)).Distinct(StringComparer.Ordinal)
            .OrderBy(l => OrderOf(l)).ToList();
        sb.Append("confusion (rows actual, columns predicted): ").AppendJoin(' ', labels).AppendLine();
        foreach (var actual in labels)
        {
            sb.Append("  ").Append(actual).Append(':');
            foreach (var predicted in labels)
            {
                sb.Append(' ').Append(ConfusionCount(actual, predicted).ToString(inv));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    internal static string ModeName(EvaluationMode mode) => mode switch
    {
        EvaluationMode.Binary => "binary (1/0, sign of score)",
        EvaluationMode.ThreeClass => "three-class",
        _ => "positive/negative gold labels, three-way predictions",
    };

    internal static int OrderOf(string label) => label switch
    {
        SentimentLabels.Positive => 0,
        SentimentLabels.Neutral => 1,
        SentimentLabels.Negative => 2,
        _ => 3,
    };
}

/// <summary>Scores a model on labelled rows.</summary>
public static class SentimentEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="rows"/>. The mode follows the labels (see <see cref="EvaluationMode"/>):
    /// all 1/0 labels give <see cref="EvaluationMode.Binary"/>; any neutral gives <see cref="EvaluationMode.ThreeClass"/>;
    /// otherwise <see cref="EvaluationMode.PresentClasses"/>. Rows with unknown labels are ignored.
    /// </summary>
    public static EvaluationReport Evaluate(SentimentModel model, IReadOnlyList<LabelledText> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var usable = rows.Where(r => SentimentLabels.Normalize(r.Label) is not null).ToList();
        var binary = usable.Count > 0 && usable.All(r => SentimentLabels.IsBinary(r.Label));
        var gold = usable.Select(r => SentimentLabels.Normalize(r.Label)!).ToList();
        var results = model.PredictBatch(usable.Select(r => r.Text).ToList());

        EvaluationMode mode;
        List<string> predicted;
        if (binary)
        {
            mode = EvaluationMode.Binary;
            predicted = results.Select(r => r.Score > 0 ? SentimentLabels.Positive : SentimentLabels.Negative).ToList();
        }
        else
        {
            mode = gold.Contains(SentimentLabels.Neutral, StringComparer.Ordinal) ? EvaluationMode.ThreeClass : EvaluationMode.PresentClasses;
            predicted = results.Select(r => r.Label).ToList();
        }

        IReadOnlyList<string> classes = mode switch
        {
            EvaluationMode.Binary => [SentimentLabels.Positive, SentimentLabels.Negative],
            EvaluationMode.ThreeClass => SentimentLabels.All,
            _ => SentimentLabels.All.Where(l => gold.Contains(l, StringComparer.Ordinal)).ToList(),
        };

        return Score(mode, gold, predicted, classes);
    }

    internal static EvaluationReport Score(EvaluationMode mode, IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<string> classes)
    {
        var n = gold.Count;
        var correct = 0;
        var confusion = new Dictionary<(string Actual, string Predicted), int>();
        for (var i = 0; i < n; i++)
        {
            if (string.Equals(gold[i], predicted[i], StringComparison.Ordinal))
            {
                correct++;
            }

            var key = (gold[i], predicted[i]);
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
        }

        var metrics = new List<ClassMetrics>();
        foreach (var label in classes)
        {
            var tp = confusion.GetValueOrDefault((label, label));
            var support = gold.Count(g => g == label);
            var predictedCount = predicted.Count(p => p == label);
            var precision = predictedCount == 0 ? 0d : tp / (double)predictedCount;
            var recall = support == 0 ? 0d : tp / (double)support;
            var f1 = precision + recall == 0 ? 0d : 2 * precision * recall / (precision + recall);
            metrics.Add(new ClassMetrics(label, support, predictedCount, precision, recall, f1));
        }

        var entries = confusion
            .Select(kv => new ConfusionEntry(kv.Key.Actual, kv.Key.Predicted, kv.Value))
            .OrderBy(e => EvaluationReport.OrderOf(e.Actual)).ThenBy(e => EvaluationReport.OrderOf(e.Predicted))
            .ToList();
        var accuracy = n == 0 ? 0d : correct / (double)n;
        var macro = metrics.Count == 0 ? 0d : metrics.Average(m => m.F1);
        return new EvaluationReport(mode, n, accuracy, macro, metrics, entries);
    }
}

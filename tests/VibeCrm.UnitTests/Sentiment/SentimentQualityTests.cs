using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

/// <summary>
/// Quality gates for the shipped model. Thresholds sit a few points below the measured figures
/// (held-out 3-class, 1,149 rows: accuracy 0.898, macro-F1 0.899, lowest class F1 0.887; realistic-check binary:
/// accuracy 0.947; realistic-check-2 binary: accuracy 0.955),
/// so a retrain with small corpus changes passes but a broken featurizer or corpus fails.
/// </summary>
[Collection(SentimentCollection.Name)]
public sealed class SentimentQualityTests(SentimentModelFixture fixture)
{
    [Fact]
    public void Held_out_accuracy_and_macro_f1_are_above_thresholds()
    {
        var report = SentimentEvaluator.Evaluate(fixture.Model, SentimentCorpus.HeldOut);

        Assert.Equal(EvaluationMode.ThreeClass, report.Mode);
        Assert.True(report.Count >= 1100, $"n = {report.Count}");
        Assert.True(report.Accuracy >= 0.86, $"accuracy {report.Accuracy:0.0000}");
        Assert.True(report.MacroF1 >= 0.86, $"macro-F1 {report.MacroF1:0.0000}");
        Assert.All(report.Classes, c => Assert.True(c.F1 >= 0.83, $"{c.Label} F1 {c.F1:0.0000}"));
    }

    [Fact]
    public void Realistic_check_binary_accuracy_is_above_threshold()
    {
        var report = SentimentEvaluator.Evaluate(fixture.Model, SentimentCorpus.RealisticCheck);

        Assert.Equal(EvaluationMode.Binary, report.Mode);
        Assert.Equal(300, report.Count);
        Assert.True(report.Accuracy >= 0.90, $"accuracy {report.Accuracy:0.0000}");
        Assert.True(report.MacroF1 >= 0.90, $"macro-F1 {report.MacroF1:0.0000}");
    }

    [Fact]
    public void Realistic_check_2_binary_accuracy_is_above_threshold()
    {
        var report = SentimentEvaluator.Evaluate(fixture.Model, SentimentCorpus.RealisticCheck2);

        Assert.Equal(EvaluationMode.Binary, report.Mode);
        Assert.Equal(397, report.Count);
        Assert.True(report.Accuracy >= 0.91, $"accuracy {report.Accuracy:0.0000}");
        Assert.True(report.MacroF1 >= 0.91, $"macro-F1 {report.MacroF1:0.0000}");
    }

    [Fact]
    public void Shipped_corpora_have_the_documented_shape()
    {
        var train = SentimentCorpus.Train;
        var heldOut = SentimentCorpus.HeldOut;

        var check2 = SentimentCorpus.RealisticCheck2;

        Assert.True(train.Count >= 7000);
        Assert.True(heldOut.Count >= 1100);
        Assert.Equal(train.Count, train.Select(r => r.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(heldOut.Select(r => r.Text).Intersect(train.Select(r => r.Text), StringComparer.OrdinalIgnoreCase));
        Assert.Empty(check2.Select(r => r.Text).Intersect(train.Select(r => r.Text), StringComparer.OrdinalIgnoreCase));
        var neutralShare = train.Count(r => r.Label == SentimentLabels.Neutral) / (double)train.Count;
        Assert.InRange(neutralShare, 0.15, 0.25);
    }
}

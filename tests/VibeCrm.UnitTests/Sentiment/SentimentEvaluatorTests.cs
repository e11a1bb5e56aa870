using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

[Collection(SentimentCollection.Name)]
public sealed class SentimentEvaluatorTests(SentimentModelFixture fixture)
{
    [Fact]
    public void Binary_labels_are_scored_by_the_sign_of_the_score()
    {
        var rows = new[]
        {
            new LabelledText("absolutely loved it", "1"),
            new LabelledText("worst service ever", "0"),
            new LabelledText("ordered the latte", "1"),
        };

        var report = SentimentEvaluator.Evaluate(fixture.Model, rows);

        Assert.Equal(EvaluationMode.Binary, report.Mode);
        Assert.Equal(3, report.Count);
        Assert.Equal(["positive", "negative"], report.Classes.Select(c => c.Label));
        Assert.DoesNotContain(report.Confusion, c => c.Predicted == SentimentLabels.Neutral);
        Assert.Equal(2, report.Classes.Single(c => c.Label == "positive").Support);
        Assert.Equal(2, report.ConfusionCount("positive", "positive") + report.ConfusionCount("positive", "negative"));
        Assert.Equal(1, report.ConfusionCount("negative", "negative"));
    }

    [Fact]
    public void Three_class_labels_use_all_three_classes()
    {
        var rows = new[]
        {
            new LabelledText("absolutely loved it", "positive"),
            new LabelledText("worst service ever", "negative"),
            new LabelledText("ordered the latte", "neutral"),
        };

        var report = SentimentEvaluator.Evaluate(fixture.Model, rows);

        Assert.Equal(EvaluationMode.ThreeClass, report.Mode);
        Assert.Equal(1.0, report.Accuracy, 6);
        Assert.Equal(1.0, report.MacroF1, 6);
        Assert.Equal(3, report.Classes.Count);
    }

    [Fact]
    public void Named_positive_negative_labels_average_f1_over_present_classes_and_count_neutral_as_wrong()
    {
        var rows = new[]
        {
            new LabelledText("absolutely loved it", "positive"),
            new LabelledText("worst service ever", "negative"),
            new LabelledText("ordered the latte", "positive"),
        };

        var report = SentimentEvaluator.Evaluate(fixture.Model, rows);

        Assert.Equal(EvaluationMode.PresentClasses, report.Mode);
        Assert.Equal(["positive", "negative"], report.Classes.Select(c => c.Label));
        Assert.Equal(2.0 / 3.0, report.Accuracy, 6);
        Assert.Equal(1, report.ConfusionCount("positive", "neutral"));
        var positive = report.Classes.Single(c => c.Label == "positive");
        Assert.Equal(0.5, positive.Recall, 6);
        Assert.Equal(1.0, positive.Precision, 6);
    }

    [Fact]
    public void Report_text_contains_accuracy_and_macro_f1()
    {
        var report = SentimentEvaluator.Evaluate(fixture.Model, [new LabelledText("loved it", "1"), new LabelledText("hated it", "0")]);

        var text = report.ToText();

        Assert.Contains("accuracy: 1.0000", text, StringComparison.Ordinal);
        Assert.Contains("macro-F1: 1.0000", text, StringComparison.Ordinal);
        Assert.Contains("n: 2", text, StringComparison.Ordinal);
    }
}

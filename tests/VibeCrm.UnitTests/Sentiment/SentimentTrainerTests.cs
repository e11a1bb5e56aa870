using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

public sealed class SentimentTrainerTests
{
    private static readonly string[] Sample =
    [
        "absolutely loved it", "worst service ever", "ordered the latte", "not bad at all", "the fries were cold",
        "great coffee but rude staff", "open on sundays?", "5 stars",
    ];

    [Fact]
    public void Training_with_the_same_seed_is_deterministic()
    {
        var rows = SentimentCorpus.Train.Take(600).ToList();

        using var first = SentimentTrainer.Train(rows, seed: 1);
        using var second = SentimentTrainer.Train(rows, seed: 1);

        Assert.Equal(first.PredictBatch(Sample), second.PredictBatch(Sample));
    }

    [Fact]
    public void Training_accepts_binary_labels_and_tenant_corrections()
    {
        var rows = SentimentCorpus.Train.Take(400)
            .Append(new LabelledText("the flat white at the harbour branch is unreal", "1"))
            .Append(new LabelledText("parking at the harbour branch is a nightmare", "0"))
            .Append(new LabelledText("this line has an unknown label", "maybe"))
            .ToList();

        using var model = SentimentTrainer.Train(rows);

        Assert.Equal(3, model.Labels.Count);
        Assert.True(model.Predict("absolutely loved it").Score > 0);
    }

    [Fact]
    public void Training_needs_two_labels()
    {
        var rows = new[] { new LabelledText("good", "positive"), new LabelledText("great", "positive") };

        Assert.Throws<ArgumentException>(() => SentimentTrainer.Train(rows));
    }

    [Fact]
    public void ParseTsv_skips_header_and_blank_lines_and_reports_malformed_lines()
    {
        const string tsv = "text\tlabel\n\ngreat food\tpositive\nno tab here\n\tnegative\nmeh\tmaybe\nawful\t0\nok then\tNeutral\n";

        var result = SentimentTrainer.ParseTsv(new StringReader(tsv));

        Assert.Equal(["great food", "awful", "ok then"], result.Rows.Select(r => r.Text));
        Assert.Equal(["positive", "0", "neutral"], result.Rows.Select(r => r.Label));
        Assert.Equal([4, 5, 6], result.Errors.Select(e => e.LineNumber));
    }

    [Fact]
    public void LoadTsv_reads_a_utf8_file_with_emoji()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "so good 😍\tpositive\nawful 😡\tnegative\n", System.Text.Encoding.UTF8);

            var rows = SentimentTrainer.LoadTsv(path);

            Assert.Equal(2, rows.Count);
            Assert.Equal("so good 😍", rows[0].Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Text;
using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

public sealed class SentimentCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sentiment-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Eval_with_binary_labels_prints_accuracy_and_macro_f1()
    {
        var file = Write("text\tlabel\nabsolutely loved it\t1\nworst service ever\t0\n\nthe fries were cold and soggy\t0\nbest coffee in town\t1\n");

        var (code, stdout, stderr) = Run("sentiment-eval", file);

        Assert.Equal(0, code);
        Assert.Contains("n: 4", stdout, StringComparison.Ordinal);
        Assert.Contains("accuracy: 1.0000", stdout, StringComparison.Ordinal);
        Assert.Contains("macro-F1: 1.0000", stdout, StringComparison.Ordinal);
        Assert.Contains("binary", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Eval_with_three_class_labels_prints_per_class_lines()
    {
        var file = Write("absolutely loved it\tpositive\nworst service ever\tnegative\nordered the latte\tneutral\n");

        var (code, stdout, _) = Run("sentiment-eval", file);

        Assert.Equal(0, code);
        Assert.Contains("mode: three-class", stdout, StringComparison.Ordinal);
        Assert.Matches(@"accuracy: \d\.\d{4}", stdout);
        Assert.Matches(@"macro-F1: \d\.\d{4}", stdout);
        Assert.Contains("class neutral:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_reports_malformed_lines_with_line_numbers_and_continues()
    {
        var file = Write("absolutely loved it\t1\nthis line has no tab\nworst service ever\t0\nweird label\tmaybe\n");

        var (code, stdout, stderr) = Run("sentiment-eval", file);

        Assert.Equal(0, code);
        Assert.Contains(":2:", stderr, StringComparison.Ordinal);
        Assert.Contains(":4:", stderr, StringComparison.Ordinal);
        Assert.Contains("malformed lines: 2", stdout, StringComparison.Ordinal);
        Assert.Contains("n: 2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_of_a_missing_file_exits_2()
    {
        var (code, _, stderr) = Run("sentiment-eval", Path.Combine(_dir, "nope.tsv"));

        Assert.Equal(2, code);
        Assert.Contains("file not found", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sentiment-eval")]
    [InlineData("sentiment-unknown")]
    [InlineData("sentiment-train", "--bogus", "x")]
    [InlineData("sentiment-eval", "a.tsv", "--model")]
    public void Bad_usage_exits_2(params string[] args)
    {
        Assert.Equal(2, Run(args).Code);
    }

    [Fact]
    public void Train_with_a_corpus_folder_writes_a_loadable_model()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        WriteRows(Path.Combine(corpus, "train.tsv"), SentimentCorpus.Train.Take(300));
        WriteRows(Path.Combine(corpus, "heldout.tsv"), SentimentCorpus.HeldOut.Take(60));
        var output = Path.Combine(_dir, "out", "model.zip");

        var (code, stdout, _) = Run("sentiment-train", "--corpus", corpus, "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("macro-F1:", stdout, StringComparison.Ordinal);
        using var model = SentimentModel.LoadFile(output);
        Assert.Contains(model.Predict("loved it").Label, SentimentLabels.All);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SentimentCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static void WriteRows(string path, IEnumerable<LabelledText> rows) =>
        File.WriteAllLines(path, rows.Select(r => r.Text + "\t" + r.Label), new UTF8Encoding(false));
}

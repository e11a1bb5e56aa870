using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VibeCrm.Sentiment;

/// <summary>
/// Command-line entry points, run by the web app before it builds its host:
/// <c>sentiment-eval &lt;file&gt; [--model &lt;zip&gt;]</c>,
/// <c>sentiment-train [--out &lt;zip&gt;] [--corpus &lt;dir&gt;] [--seed &lt;n&gt;] [--trainer &lt;name&gt;]</c>,
/// <c>sentiment-predict &lt;text&gt;...</c>.
/// Exit codes: 0 success, 2 bad usage or unreadable input.
/// </summary>
public static class SentimentCli
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;

    private const string Usage = """
        usage:
          sentiment-eval <file> [--model <zip>]     evaluate the shipped (or given) model on text<TAB>label lines
                                                    (labels positive|neutral|negative or 1|0)
          sentiment-train [--out <zip>] [--corpus <dir>] [--seed <n>] [--trainer <name>]
                                                    train on train.tsv, report held-out figures, write the model
          sentiment-predict <text> [<text>...]      print label, confidence and score for each text
        trainers: lbfgs (default), sdca, ova-svm, ova-perceptron
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            return ExitUsage;
        }

        try
        {
            return args[0] switch
            {
                "sentiment-eval" => Eval(args[1..], stdout, stderr),
                "sentiment-train" => TrainCommand(args[1..], stdout, stderr),
                "sentiment-predict" => PredictCommand(args[1..], stdout, stderr),
                "sentiment-help" or "sentiment--help" => Help(stdout),
                _ => Fail(stderr, $"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            return Fail(stderr, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitUsage;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return ExitOk;
    }

    private static int Eval(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = ParseOptions(args, ["--model"], out var positional);
        if (positional.Count != 1)
        {
            return Fail(stderr, "sentiment-eval needs exactly one file argument");
        }

        var path = positional[0];
        if (!File.Exists(path))
        {
            return Fail(stderr, $"file not found: {path}");
        }

        TsvParseResult parsed;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            parsed = SentimentTrainer.ParseTsv(reader);
        }

        foreach (var error in parsed.Errors)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}:{error.LineNumber}: skipped malformed line: {error.Message}"));
        }

        if (parsed.Rows.Count == 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: no labelled rows in {path} ({parsed.Errors.Count} malformed lines)"));
            return ExitUsage;
        }

        if (options.TryGetValue("--model", out var modelPath) && !File.Exists(modelPath))
        {
            return Fail(stderr, $"model file not found: {modelPath}");
        }

        using var model = modelPath is null ? SentimentModel.LoadDefault() : SentimentModel.LoadFile(modelPath);
        var report = SentimentEvaluator.Evaluate(model, parsed.Rows);
        stdout.Write(report.ToText());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"malformed lines: {parsed.Errors.Count}"));
        return ExitOk;
    }

    private static int TrainCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = ParseOptions(args, ["--out", "--corpus", "--seed", "--trainer"], out var positional);
        if (positional.Count > 0)
        {
            return Fail(stderr, $"unexpected argument '{positional[0]}'");
        }

        IReadOnlyList<LabelledText> train;
        IReadOnlyList<LabelledText> heldOut;
        if (options.TryGetValue("--corpus", out var corpusDir))
        {
            var trainPath = Path.Combine(corpusDir, "train.tsv");
            var heldOutPath = Path.Combine(corpusDir, "heldout.tsv");
            if (!File.Exists(trainPath))
            {
                return Fail(stderr, $"file not found: {trainPath}");
            }

            train = SentimentTrainer.LoadTsv(trainPath);
            heldOut = File.Exists(heldOutPath) ? SentimentTrainer.LoadTsv(heldOutPath) : [];
        }
        else
        {
            train = SentimentCorpus.Train;
            heldOut = SentimentCorpus.HeldOut;
        }

        var seed = 1;
        if (options.TryGetValue("--seed", out var seedText) && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            return Fail(stderr, $"--seed must be an integer, got '{seedText}'");
        }

        var trainer = SentimentTrainer.DefaultTrainer;
        if (options.TryGetValue("--trainer", out var trainerName))
        {
            var parsedTrainer = ParseTrainer(trainerName);
            if (parsedTrainer is null)
            {
                return Fail(stderr, $"unknown trainer '{trainerName}'");
            }

            trainer = parsedTrainer.Value;
        }

        var outPath = options.GetValueOrDefault("--out") ?? DefaultOutputPath();
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"training {trainer} on {train.Count} rows (seed {seed})..."));
        var stopwatch = Stopwatch.StartNew();
        using var model = SentimentTrainer.Train(train, trainer, seed);
        stopwatch.Stop();
        stdout.WriteLine(string.Create(inv, $"training time: {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        if (heldOut.Count > 0)
        {
            stdout.WriteLine(string.Create(inv, $"held-out evaluation ({heldOut.Count} rows):"));
            stdout.Write(SentimentEvaluator.Evaluate(model, heldOut).ToText());
        }

        model.SaveFile(outPath);
        stdout.WriteLine(string.Create(inv, $"model written: {Path.GetFullPath(outPath)} ({new FileInfo(outPath).Length / 1024.0 / 1024.0:0.00} MB)"));
        return ExitOk;
    }

    private static int PredictCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            return Fail(stderr, "sentiment-predict needs at least one text");
        }

        using var model = SentimentModel.LoadDefault();
        var inv = CultureInfo.InvariantCulture;
        foreach (var text in args)
        {
            var r = model.Predict(text);
            var topics = SentimentTopics.Detect(text);
            stdout.WriteLine(string.Create(inv, $"{r.Label}\t{r.Confidence:0.000}\t{r.Score:+0.000;-0.000;0.000}\t[{string.Join(", ", topics)}]\t{text}"));
        }

        return ExitOk;
    }

    private static string DefaultOutputPath()
    {
        var sourceFolder = Path.Combine("src", "VibeCrm.Sentiment", "Model");
        return Directory.Exists(sourceFolder)
            ? Path.Combine(sourceFolder, SentimentModel.DefaultFileName)
            : SentimentModel.DefaultFileName;
    }

    private static SentimentTrainerKind? ParseTrainer(string name) => name.ToLowerInvariant() switch
    {
        "lbfgs" or "lbfgsmaximumentropy" => SentimentTrainerKind.LbfgsMaximumEntropy,
        "sdca" or "sdcamaximumentropy" => SentimentTrainerKind.SdcaMaximumEntropy,
        "ova-svm" or "oneversusalllinearsvm" => SentimentTrainerKind.OneVersusAllLinearSvm,
        "ova-perceptron" or "oneversusallaveragedperceptron" => SentimentTrainerKind.OneVersusAllAveragedPerceptron,
        _ => null,
    };

    private static Dictionary<string, string> ParseOptions(string[] args, string[] known, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!known.Contains(arg, StringComparer.Ordinal))
                {
                    throw new UsageException($"unknown option '{arg}'");
                }

                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"option {arg} needs a value");
                }

                options[arg] = args[++i];
            }
            else
            {
                positional.Add(arg);
            }
        }

        return options;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return ExitUsage;
    }

    private sealed class UsageException(string message) : Exception(message);
}

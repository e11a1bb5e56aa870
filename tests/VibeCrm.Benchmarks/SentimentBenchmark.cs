using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCrm.Data;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.Benchmarks;

/// <summary>
/// Sentiment scoring throughput inside the job pipeline against a raw PredictionEngine loop, in the same run, plus the
/// shipped model's figures on the held-out split.
/// <para>
/// Pipeline (what a bulk scoring job does): read texts from the tenant's SQLite database in keyset pages of
/// <c>--batch</c> rows, score each page through <see cref="ISentimentAnalyzer"/> (the tenant-aware analyzer: active-model
/// check, tenant topics, one batch transform, topic tagging), write label, confidence, score, topics and model back in
/// one transaction per page. Raw: the same texts already in memory, one <c>PredictionEngine.Predict</c> per text
/// (<see cref="SentimentModel.Predict"/>), nothing read or written. Each is warmed up, then run <c>--runs</c> times
/// alternately; the median is reported.
/// </para>
/// </summary>
public static class SentimentBenchmark
{
    private const string Table = "BenchSentimentTexts";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var size = IntOption(args, "--size", 10_000);
        var batch = IntOption(args, "--batch", 500);
        var runs = IntOption(args, "--runs", 5);
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "artifacts", "bench");
        var locator = new DatabaseLocator(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder }), root);
        locator.EnsureFolders();
        var tenant = new TenantInfo("bench-sentiment", "bench-sentiment", "Bench Bakery", TenantState.Active, "Europe/Paris", "EUR", "sentiment-bench");
        var accessor = new TenantContextAccessor();
        using var scope = accessor.BeginScope(tenant);
        var texts = Texts(size);

        output.WriteLine($"# Sentiment scoring, {size:N0} texts, pages of {batch}, {runs} runs each");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average at start {LoadAverage()}");
        await SeedAsync(locator, tenant, texts);

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<ITenantContextAccessor>(accessor)
            .AddSingleton(TimeProvider.System)
            .AddSentimentFeature()
            .AddScoped(_ =>
            {
                var builder = new DbContextOptionsBuilder<TenantDbContext>();
                locator.Configure(builder, locator.TenantConnectionString(tenant.DatabaseName));
                return new TenantDbContext(builder.Options);
            });
        await using var provider = services.BuildServiceProvider();
        var model = provider.GetRequiredService<BaseSentimentModel>().Model;

        // Warm-up: engines, featurizers, SQLite pages, JIT.
        Raw(model, texts.Take(500).ToList());
        await PipelineAsync(provider, batch, Math.Min(size, 1000));

        var raw = new List<double>();
        var pipeline = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            Raw(model, texts);
            raw.Add(size / sw.Elapsed.TotalSeconds);
            sw.Restart();
            var scored = await PipelineAsync(provider, batch, size);
            pipeline.Add(scored / sw.Elapsed.TotalSeconds);
        }

        var rawMedian = Median(raw);
        var pipelineMedian = Median(pipeline);
        output.WriteLine();
        output.WriteLine("| path | texts/s (median) | runs | ratio to raw |");
        output.WriteLine("|---|---:|---|---:|");
        output.WriteLine($"| raw PredictionEngine loop (in memory) | {rawMedian:N0} | {string.Join(", ", raw.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} | 1 |");
        output.WriteLine($"| job pipeline: DB page → ISentimentAnalyzer batch → DB write | {pipelineMedian:N0} | {string.Join(", ", pipeline.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} | {pipelineMedian / rawMedian:P0} |");
        var ratios = raw.Zip(pipeline, (r, p) => p / r).ToList();
        output.WriteLine();
        output.WriteLine($"ratio per run (pipeline / raw, measured back to back): {string.Join(", ", ratios.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))}; median {Median(ratios):P0}");
        await CheckWrittenAsync(locator, tenant, size, output);

        var heldOut = SentimentEvaluator.Evaluate(model, SentimentCorpus.HeldOut);
        output.WriteLine();
        output.WriteLine($"held-out ({heldOut.Count} rows, {heldOut.Mode}): accuracy {heldOut.Accuracy:0.0000}, macro-F1 {heldOut.MacroF1:0.0000}; "
            + string.Join(", ", heldOut.Classes.Select(c => $"{c.Label} F1 {c.F1:0.000}")));
        output.WriteLine($"load average at end {LoadAverage()}");
        return 0;
    }

    private static void Raw(SentimentModel model, IReadOnlyList<string> texts)
    {
        var sum = 0f;
        foreach (var text in texts)
        {
            sum += model.Predict(text).Score;
        }

        GC.KeepAlive(sum);
    }

    /// <summary>Scores the first <paramref name="limit"/> rows page by page and writes the results back; returns the rows scored.</summary>
    private static async Task<int> PipelineAsync(IServiceProvider provider, int batch, int limit)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var analyzer = scope.ServiceProvider.GetRequiredService<ISentimentAnalyzer>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var last = 0L;
        var scored = 0;
        while (scored < limit)
        {
            var page = new List<(long Id, string Text)>(batch);
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = $"SELECT Id, Text FROM {Table} WHERE Id > $last ORDER BY Id LIMIT $take";
                read.Parameters.AddWithValue("$last", last);
                read.Parameters.AddWithValue("$take", Math.Min(batch, limit - scored));
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    page.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            if (page.Count == 0)
            {
                break;
            }

            var results = await analyzer.AnalyzeManyAsync([.. page.Select(p => p.Text)], CancellationToken.None);
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            await using (var write = connection.CreateCommand())
            {
                write.Transaction = transaction;
                write.CommandText = $"UPDATE {Table} SET Label = $label, Confidence = $confidence, Score = $score, Topics = $topics, Model = $model, ScoredAt = $at WHERE Id = $id";
                var label = write.Parameters.Add("$label", SqliteType.Text);
                var confidence = write.Parameters.Add("$confidence", SqliteType.Real);
                var score = write.Parameters.Add("$score", SqliteType.Real);
                var topics = write.Parameters.Add("$topics", SqliteType.Text);
                var model = write.Parameters.Add("$model", SqliteType.Text);
                var at = write.Parameters.Add("$at", SqliteType.Integer);
                var id = write.Parameters.Add("$id", SqliteType.Integer);
                for (var i = 0; i < page.Count; i++)
                {
                    label.Value = results[i].Label;
                    confidence.Value = results[i].Confidence;
                    score.Value = results[i].Score;
                    topics.Value = string.Join(',', results[i].Topics);
                    model.Value = results[i].Model;
                    at.Value = DateTimeOffset.UtcNow.UtcTicks;
                    id.Value = page[i].Id;
                    await write.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }

            last = page[^1].Id;
            scored += page.Count;
        }

        return scored;
    }

    private static async Task SeedAsync(DatabaseLocator locator, TenantInfo tenant, IReadOnlyList<string> texts)
    {
        var file = locator.TenantFile(tenant.DatabaseName);
        SqliteConnection.ClearAllPools();
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        var builder = new DbContextOptionsBuilder<TenantDbContext>();
        locator.Configure(builder, locator.TenantConnectionString(tenant.DatabaseName, allowCreate: true));
        await using var db = new TenantDbContext(builder.Options);
        await db.Database.MigrateAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {Table} (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL, Label TEXT NULL, Confidence REAL NULL, Score REAL NULL, Topics TEXT NULL, Model TEXT NULL, ScoredAt INTEGER NULL)";
            await create.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (Text) VALUES ($text)";
        var parameter = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var text in texts)
        {
            parameter.Value = text;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task CheckWrittenAsync(DatabaseLocator locator, TenantInfo tenant, int size, TextWriter output)
    {
        await using var connection = new SqliteConnection(locator.TenantConnectionString(tenant.DatabaseName));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*), SUM(Label = 'positive'), SUM(Label = 'neutral'), SUM(Label = 'negative') FROM {Table} WHERE Label IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        output.WriteLine($"written back: {reader.GetInt64(0):N0} of {size:N0} rows scored (positive {reader.GetInt64(1):N0}, neutral {reader.GetInt64(2):N0}, negative {reader.GetInt64(3):N0})");
    }

    /// <summary>The evaluation texts (held-out and both realistic checks: short and long reviews), repeated to <paramref name="size"/>.</summary>
    private static List<string> Texts(int size)
    {
        var pool = SentimentCorpus.HeldOut.Concat(SentimentCorpus.RealisticCheck).Concat(SentimentCorpus.RealisticCheck2).Select(r => r.Text).ToList();
        return [.. Enumerable.Range(0, size).Select(i => pool[i % pool.Count])];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => CustomerSearchBenchmark.LoadAverage();

    private static int IntOption(string[] args, string name, int fallback) => CustomerSearchBenchmark.IntOption(args, name, fallback);

    private static string RepositoryRoot() => CustomerSearchBenchmark.RepositoryRoot();
}

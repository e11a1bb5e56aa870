using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>What the analyzer says about one customer text.</summary>
/// <param name="Label">positive, neutral or negative.</param>
/// <param name="Confidence">Probability of <paramref name="Label"/>.</param>
/// <param name="Score">P(positive) − P(negative), in [-1, 1].</param>
/// <param name="Topics">Aspects the text mentions (food, service, wait time…).</param>
/// <param name="Model">Which model scored it ("base" or a tenant model version), shown to staff.</param>
public sealed record TextAnalysis(string Label, float Confidence, float Score, IReadOnlyList<string> Topics, string Model);

/// <summary>
/// Sentiment and topics of customer texts for the tenant in scope. Feedback, surveys and anything else that scores
/// text go through this, so a tenant's retrained model and its own topics apply everywhere at once.
/// </summary>
public interface ISentimentAnalyzer
{
    Task<TextAnalysis> AnalyzeAsync(string text, CancellationToken cancellationToken);

    /// <summary>Many texts in one batch transform: the faster choice for bulk rescoring.</summary>
    Task<IReadOnlyList<TextAnalysis>> AnalyzeManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>The shipped model (one instance per process; <see cref="SentimentModel"/> is thread-safe) and the built-in topics.</summary>
public sealed class BaseSentimentModel : IDisposable
{
    public const string Name = "base";

    private readonly Lazy<SentimentModel> _model = new(SentimentModel.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public SentimentModel Model => _model.Value;

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}

/// <summary>Scores with the shipped model and tags the built-in topics.</summary>
public sealed class BaseSentimentAnalyzer(BaseSentimentModel model) : ISentimentAnalyzer
{
    public Task<TextAnalysis> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Describe(text, model.Model.Predict(text)));
    }

    public Task<IReadOnlyList<TextAnalysis>> AnalyzeManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = model.Model.PredictBatch(texts);
        IReadOnlyList<TextAnalysis> analyses = [.. texts.Select((t, i) => Describe(t, results[i]))];
        return Task.FromResult(analyses);
    }

    private static TextAnalysis Describe(string text, SentimentResult result) =>
        new(result.Label, result.Confidence, result.Score, SentimentTopics.Detect(text), BaseSentimentModel.Name);
}

public static class SentimentFeature
{
    /// <summary>The shipped model as a singleton, and the analyzer every module uses.</summary>
    public static IServiceCollection AddSentimentFeature(this IServiceCollection services)
    {
        services.AddSingleton<BaseSentimentModel>();
        services.AddScoped<ISentimentAnalyzer, BaseSentimentAnalyzer>();
        return services;
    }
}

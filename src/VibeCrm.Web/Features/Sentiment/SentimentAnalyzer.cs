using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>What the analyzer says about one customer text.</summary>
/// <param name="Label">positive, neutral or negative.</param>
/// <param name="Confidence">Probability of <paramref name="Label"/>.</param>
/// <param name="Score">P(positive) − P(negative), in [-1, 1].</param>
/// <param name="Topics">Aspects the text mentions (food, service, wait time…).</param>
/// <param name="Model">Which model scored it ("base" or a tenant model version such as "v3"), shown to staff.</param>
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

/// <summary>
/// The shipped model (one instance per process; <see cref="SentimentModel"/> is thread-safe). Tests may hand in another
/// model trained on a slice of the corpus, so retraining tests compare like with like.
/// </summary>
public sealed class BaseSentimentModel : IDisposable
{
    public const string Name = "base";

    private readonly Lazy<SentimentModel> _model;

    public BaseSentimentModel()
        : this(SentimentModel.LoadDefault)
    {
    }

    public BaseSentimentModel(Func<SentimentModel> load) =>
        _model = new Lazy<SentimentModel>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public SentimentModel Model => _model.Value;

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}

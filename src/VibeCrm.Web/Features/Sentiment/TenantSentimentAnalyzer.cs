using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>
/// Scores with the tenant's active model (its accepted retrained version, else the shipped base model) and tags the
/// built-in topics plus the tenant's own. Without a tenant in scope it uses the base model and built-in topics.
/// </summary>
public sealed class TenantSentimentAnalyzer(
    ITenantContextAccessor tenants,
    IServiceProvider services,
    TenantSentimentModels models) : ISentimentAnalyzer
{
    public async Task<TextAnalysis> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (model, topics) = await ResolveAsync(cancellationToken);
        return Describe(text, model.Model.Predict(text), model.Name, topics);
    }

    public async Task<IReadOnlyList<TextAnalysis>> AnalyzeManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var (model, topics) = await ResolveAsync(cancellationToken);
        var results = model.Model.PredictBatch(texts);
        var analyses = new TextAnalysis[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            analyses[i] = Describe(texts[i], results[i], model.Name, topics);
        }

        return analyses;
    }

    private async Task<(ActiveSentimentModel Model, IReadOnlyList<TopicDefinition> Topics)> ResolveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (tenants.Current is not { } tenant)
        {
            return (models.Base, []);
        }

        var db = services.GetRequiredService<TenantDbContext>();
        var model = await models.GetAsync(tenant.Id, db, cancellationToken);
        var topics = await SentimentTopicService.DefinitionsAsync(db, cancellationToken);
        return (model, topics);
    }

    private static TextAnalysis Describe(string text, SentimentResult result, string model, IReadOnlyList<TopicDefinition> topics) =>
        new(result.Label, result.Confidence, result.Score, SentimentTopics.Detect(text, topics), model);
}

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>How tenant models are retrained (configuration section <c>Sentiment:Training</c>).</summary>
public sealed class SentimentTrainingOptions
{
    public const string Section = "Sentiment:Training";

    /// <summary>
    /// Each correction is repeated this many times in the training rows. With an L2-regularised maximum-entropy
    /// trainer, repeating a row k times is the same as giving it weight k. 3 lets a few dozen corrections move the
    /// tenant's own words without letting them outweigh the 7,000-line base corpus (100 corrections are ~4% of the rows).
    /// </summary>
    public int CorrectionWeight { get; set; } = 3;

    /// <summary>Share of the newest corrections held out from training and used for evaluation (at least one).</summary>
    public double RecentShare { get; set; } = 0.2;

    /// <summary>A candidate may score at most this much lower macro-F1 on the base held-out split than the model in use.</summary>
    public double MaxHeldOutDrop { get; set; } = 0.01;

    /// <summary>Only the first N lines of the base training corpus (null: all). For tests on a smaller slice; production trains on all.</summary>
    public int? BaseRowLimit { get; set; }

    /// <summary>Training seed: the same rows and seed give the same model.</summary>
    public int Seed { get; set; } = 1;
}

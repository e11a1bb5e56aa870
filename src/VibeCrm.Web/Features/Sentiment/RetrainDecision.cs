using System.Globalization;
using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>Figures of one model on the evaluation sets of a retraining attempt.</summary>
public sealed record ModelFigures(EvaluationReport HeldOut, EvaluationReport Recent, EvaluationReport Combined);

/// <summary>
/// "Better" for a tenant model: macro-F1 on the combined set (base held-out split plus the tenant's recent held-out
/// corrections) strictly higher than the model in use, and macro-F1 on the base held-out split not more than
/// <see cref="SentimentTrainingOptions.MaxHeldOutDrop"/> lower. The first rule asks for a real gain where the tenant
/// cares; the second keeps a tenant model from forgetting general language to fit a handful of (possibly wrong) labels.
/// </summary>
public static class RetrainDecision
{
    public static (bool Accepted, string Reason) Decide(ModelFigures candidate, ModelFigures incumbent, string incumbentName, double maxHeldOutDrop)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(incumbent);
        var inv = CultureInfo.InvariantCulture;
        var heldOutDrop = incumbent.HeldOut.MacroF1 - candidate.HeldOut.MacroF1;
        if (heldOutDrop > maxHeldOutDrop + 1e-9) // tolerance for floating-point noise: a drop of exactly the maximum is allowed
        {
            return (false, string.Create(inv,
                $"Refused: held-out macro-F1 {candidate.HeldOut.MacroF1:0.000} is {heldOutDrop:0.000} below {incumbentName} ({incumbent.HeldOut.MacroF1:0.000}); at most {maxHeldOutDrop:0.000} is allowed."));
        }

        if (candidate.Combined.MacroF1 <= incumbent.Combined.MacroF1)
        {
            return (false, string.Create(inv,
                $"Refused: macro-F1 on held-out plus recent corrections {candidate.Combined.MacroF1:0.000} is not higher than {incumbentName} ({incumbent.Combined.MacroF1:0.000})."));
        }

        return (true, string.Create(inv,
            $"Accepted: macro-F1 on held-out plus recent corrections {candidate.Combined.MacroF1:0.000} vs {incumbent.Combined.MacroF1:0.000} ({incumbentName}); held-out {candidate.HeldOut.MacroF1:0.000} vs {incumbent.HeldOut.MacroF1:0.000}."));
    }
}

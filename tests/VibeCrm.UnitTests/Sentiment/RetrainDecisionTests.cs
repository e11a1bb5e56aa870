using VibeCrm.Sentiment;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

public sealed class RetrainDecisionTests
{
    [Theory]
    [InlineData(0.890, 0.930, 0.895, 0.900, true)]   // better on combined, held-out 0.005 lower: accepted
    [InlineData(0.880, 0.930, 0.895, 0.900, false)]  // held-out 0.015 lower: refused however good on corrections
    [InlineData(0.900, 0.900, 0.895, 0.900, false)]  // combined not higher: refused
    [InlineData(0.885, 0.901, 0.895, 0.900, true)]   // exactly 0.010 lower on held-out is allowed
    public void Better_means_higher_combined_macro_f1_and_at_most_a_small_held_out_drop(
        double candidateHeldOut, double candidateCombined, double incumbentHeldOut, double incumbentCombined, bool accepted)
    {
        var (result, reason) = RetrainDecision.Decide(
            Figures(candidateHeldOut, candidateCombined), Figures(incumbentHeldOut, incumbentCombined), "base", 0.01);

        Assert.Equal(accepted, result);
        Assert.StartsWith(accepted ? "Accepted" : "Refused", reason, StringComparison.Ordinal);
    }

    private static ModelFigures Figures(double heldOut, double combined) =>
        new(Report(heldOut), Report(0.5), Report(combined));

    private static EvaluationReport Report(double macroF1) => new(EvaluationMode.ThreeClass, 100, macroF1, macroF1, [], []);
}

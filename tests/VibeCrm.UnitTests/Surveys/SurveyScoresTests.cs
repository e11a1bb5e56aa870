using VibeCrm.Data.Surveys;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.UnitTests.Surveys;

public sealed class SurveyScoresTests
{
    [Fact]
    public void Nps_is_percent_promoters_minus_percent_detractors()
    {
        var nps = SurveyScores.Nps([10, 9, 9, 8, 7, 6, 0, 5, 10, 3]);
        Assert.Equal((4, 2, 4, 10), (nps.Promoters, nps.Passives, nps.Detractors, nps.Total));
        Assert.Equal(0, nps.Score);
        Assert.Equal(40, nps.PromoterPercent);
        Assert.Equal(-33.3, SurveyScores.Nps([9, 0, 6]).Score);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 7, 8, 8, 7 }, 0.0)]
    [InlineData(new[] { 9, 10 }, 100.0)]
    [InlineData(new[] { 0, 6, 3 }, -100.0)]
    [InlineData(new[] { 9, 11, -1, 42 }, 100.0)]
    public void Nps_edge_cases(int[] answers, double? expected) => Assert.Equal(expected, SurveyScores.Nps(answers).Score);

    [Fact]
    public void Nps_boundaries_are_six_seven_eight_nine()
    {
        Assert.Equal(1, SurveyScores.Nps([6]).Detractors);
        Assert.Equal(1, SurveyScores.Nps([7]).Passives);
        Assert.Equal(1, SurveyScores.Nps([8]).Passives);
        Assert.Equal(1, SurveyScores.Nps([9]).Promoters);
    }

    [Fact]
    public void Csat_is_the_share_of_four_and_five_with_the_average()
    {
        var csat = SurveyScores.Csat([5, 4, 3, 2, 1, 4]);
        Assert.Equal(3, csat.Satisfied);
        Assert.Equal(6, csat.Total);
        Assert.Equal(50, csat.Score);
        Assert.Equal(66.7, SurveyScores.Csat([5, 4, 1]).Score);
        Assert.Equal(3.17, csat.Average);
    }

    [Fact]
    public void Csat_without_answers_has_no_score_and_ignores_values_off_the_scale()
    {
        var none = SurveyScores.Csat(Array.Empty<int>());
        Assert.Null(none.Score);
        Assert.Null(none.Average);
        var offScale = SurveyScores.Csat([0, 6, 3]);
        Assert.Equal((0, 1, 0.0, 3.0), (offScale.Satisfied, offScale.Total, offScale.Score!.Value, offScale.Average!.Value));
    }

    [Fact]
    public void Counts_by_value_give_the_same_result_as_single_answers()
    {
        var counts = new Dictionary<int, int> { [10] = 30, [8] = 50, [2] = 20 };
        Assert.Equal(10, SurveyScores.Nps(counts).Score);
        Assert.Equal(new CsatResult(30, 50, 4.0), SurveyScores.Csat(new Dictionary<int, int> { [5] = 20, [4] = 10, [3] = 20 }));
    }

    [Fact]
    public void Answer_rules_reject_off_scale_numbers_unknown_options_and_two_single_choices()
    {
        FormQuestion[] questions =
        [
            new(1, 1, QuestionKind.Nps, "Recommend?", true, []),
            new(2, 2, QuestionKind.Csat, "Happy?", false, []),
            new(3, 3, QuestionKind.SingleChoice, "Pick", false, ["A", "B"]),
            new(4, 4, QuestionKind.FreeText, "Say", false, []),
        ];
        var (answers, sheet) = AnswerRules.Validate(questions, new Dictionary<int, IReadOnlyList<string>>
        {
            [1] = ["10"], [2] = ["0"], [3] = ["A", "B"], [4] = [new string('x', 2001)],
        });
        Assert.Empty(answers);
        Assert.Equal("Choose a number from 1 to 5.", sheet.ErrorOf(2));
        Assert.Equal("Choose only one option.", sheet.ErrorOf(3));
        Assert.StartsWith("Your answer is 2,001 characters long", sheet.ErrorOf(4), StringComparison.Ordinal);
        Assert.Null(sheet.ErrorOf(1));

        var (ok, clean) = AnswerRules.Validate(questions, new Dictionary<int, IReadOnlyList<string>> { [1] = [" 0 "], [4] = ["  "] });
        Assert.Empty(clean.Errors);
        Assert.Equal(0, Assert.Single(ok).Number);
    }
}

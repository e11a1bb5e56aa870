namespace VibeCrm.Web.Features.Surveys;

/// <summary>
/// Net Promoter Score of a set of 0–10 answers: % promoters (9–10) minus % detractors (0–6), from −100 to 100; passives (7–8)
/// count in the total only. <see cref="Score"/> is null when there is no answer.
/// </summary>
public sealed record NpsResult(int Promoters, int Passives, int Detractors)
{
    public int Total => Promoters + Passives + Detractors;

    public double? Score => Total == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / Total, 1);

    public double PromoterPercent => Percent(Promoters);

    public double PassivePercent => Percent(Passives);

    public double DetractorPercent => Percent(Detractors);

    private double Percent(int count) => Total == 0 ? 0 : Math.Round(100.0 * count / Total, 1);
}

/// <summary>
/// Customer satisfaction of a set of 1–5 answers: the share of satisfied answers (4 or 5) in %, and the average.
/// Both are null when there is no answer.
/// </summary>
public sealed record CsatResult(int Satisfied, int Total, double? Average)
{
    public double? Score => Total == 0 ? null : Math.Round(100.0 * Satisfied / Total, 1);
}

public static class SurveyScores
{
    /// <summary>NPS from the count of answers per value (0–10); values outside the scale are ignored.</summary>
    public static NpsResult Nps(IEnumerable<KeyValuePair<int, int>> countsByValue)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var (value, count) in countsByValue)
        {
            switch (value)
            {
                case >= 9 and <= 10: promoters += count; break;
                case >= 7 and <= 8: passives += count; break;
                case >= 0 and <= 6: detractors += count; break;
            }
        }

        return new NpsResult(promoters, passives, detractors);
    }

    public static NpsResult Nps(IEnumerable<int> answers) => Nps(answers.GroupBy(a => a).Select(g => KeyValuePair.Create(g.Key, g.Count())));

    /// <summary>CSAT from the count of answers per value (1–5); values outside the scale are ignored.</summary>
    public static CsatResult Csat(IEnumerable<KeyValuePair<int, int>> countsByValue)
    {
        int satisfied = 0, total = 0;
        long sum = 0;
        foreach (var (value, count) in countsByValue)
        {
            if (value is < 1 or > 5)
            {
                continue;
            }

            total += count;
            sum += (long)value * count;
            if (value >= 4)
            {
                satisfied += count;
            }
        }

        return new CsatResult(satisfied, total, total == 0 ? null : Math.Round((double)sum / total, 2));
    }

    public static CsatResult Csat(IEnumerable<int> answers) => Csat(answers.GroupBy(a => a).Select(g => KeyValuePair.Create(g.Key, g.Count())));
}

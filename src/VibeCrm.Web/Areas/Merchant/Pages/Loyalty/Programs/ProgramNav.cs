using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

/// <summary>The header and tabs of a program's settings pages.</summary>
public sealed record ProgramNav(int ProgramId, string Name, string Subtitle, string Active)
{
    public static ProgramNav Of(LoyaltyProgram program, string active)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new(program.Id, program.Name, $"{program.Status} · {program.UnitName} · {program.Currency} · {program.TimeZoneId}", active);
    }
}

using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>What <c>_LoyaltyNav</c> shows: the program switcher (several programs, or one more to join) and the tabs.</summary>
public sealed record LoyaltyNavModel(string Active, string TenantPath, IReadOnlyList<MemberProgram> Programs, int SelectedProgramId, bool CanJoinAnother)
{
    /// <summary>The tabs: key, label and page.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string Page)> Tabs =
        [("card", "My card", ""), ("rewards", "Rewards", "rewards"), ("mine", "My rewards", "myrewards"), ("history", "History", "history")];

    public bool ShowSwitcher => Programs.Count > 1 || CanJoinAnother;

    /// <summary>A tab of the selected program (the program is named only when the member has several).</summary>
    public string TabUrl(string page) => LoyaltyPageModel.ProgramUrl(TenantPath, Programs.Count > 1 ? SelectedProgramId : null, page);

    /// <summary>The same tab in another program (a code or a reward belongs to one program: its list is shown instead).</summary>
    public string SwitchUrl(int programId) =>
        LoyaltyPageModel.ProgramUrl(TenantPath, programId, Tabs.First(t => t.Key == Active).Page);
}

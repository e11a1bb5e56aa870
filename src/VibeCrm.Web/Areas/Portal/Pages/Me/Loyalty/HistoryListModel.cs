using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

public sealed record HistoryListModel(IReadOnlyList<HistoryRow> Rows, string TimeZoneId);

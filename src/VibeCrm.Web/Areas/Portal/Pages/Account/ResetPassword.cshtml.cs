using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class ResetPasswordModel(PasswordResets resets)
    : ResetPasswordPageModel(resets, AccountKind.Member, "/account/signin");

using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class ForgotPasswordModel(PasswordResets resets)
    : ForgotPasswordPageModel(resets, AccountKind.Member, "/account/resetpassword");

using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;

namespace VibeCrm.Web.Areas.Merchant.Pages.Account;

public sealed class ResetPasswordModel(PasswordResets resets)
    : ResetPasswordPageModel(resets, AccountKind.Staff, "/admin/account/login");

using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;

namespace VibeCrm.Web.Areas.Merchant.Pages.Account;

public sealed class ForgotPasswordModel(PasswordResets resets)
    : ForgotPasswordPageModel(resets, AccountKind.Staff, "/admin/account/resetpassword");

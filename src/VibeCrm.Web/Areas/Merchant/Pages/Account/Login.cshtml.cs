using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Account;

public sealed class LoginModel(SignInService signIn)
    : SignInPageModel(signIn, AccountKind.Staff, "/admin", "/admin/account/forgotpassword");

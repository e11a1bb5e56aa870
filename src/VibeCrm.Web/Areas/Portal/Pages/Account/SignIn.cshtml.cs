using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class SignInModel(SignInService signIn)
    : SignInPageModel(signIn, AccountKind.Member, "/me", "/account/forgotpassword");

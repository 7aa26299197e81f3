// Idiom corpus: HF3002: ASP.NET Core Identity's scaffolded pages and an MVC account controller (logout, external login, password reset);
// a sign-up through an account service over UserManager, next to an anonymous create through a repository's CreateAsync; a
// conventional-route page with no [Http…] attribute that only renders, next to one that purges sessions on any verb.
using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace App.Areas.Identity.Pages.Account
{
    [AllowAnonymous]
    public class LogoutModel(SignInManager<IdentityUser> signInManager, ILogger<LogoutModel> logger) : PageModel
    {
        public async Task<IActionResult> OnPost(string? returnUrl = null)
        {
            await signInManager.SignOutAsync();
            logger.LogInformation("User logged out.");
            if (returnUrl != null) return LocalRedirect(returnUrl);
            return RedirectToPage();
        }
    }

    [AllowAnonymous]
    public class ResendEmailConfirmationModel(UserManager<IdentityUser> userManager, IEmailSender emailSender) : PageModel
    {
        [BindProperty] public string Email { get; set; } = "";
        public async Task<IActionResult> OnPostAsync()
        {
            var user = await userManager.FindByEmailAsync(Email);
            if (user == null) return Page();
            var code = await userManager.GenerateEmailConfirmationTokenAsync(user);
            code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));
            await emailSender.SendEmailAsync(Email, "Confirm your email", code);
            return Page();
        }
    }

    [AllowAnonymous]
    public class ExternalLoginModel(SignInManager<IdentityUser> signInManager) : PageModel
    {
        public IActionResult OnPost(string provider, string? returnUrl = null)
        {
            var redirectUrl = Url.Page("./ExternalLogin", pageHandler: "Callback", values: new { returnUrl });
            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl);
            return new ChallengeResult(provider, properties);
        }
    }

    [AllowAnonymous]
    public class ForgotPasswordModel(UserManager<IdentityUser> userManager, IEmailSender emailSender) : PageModel
    {
        [BindProperty] public string Email { get; set; } = "";
        public async Task<IActionResult> OnPostAsync()
        {
            var user = await userManager.FindByEmailAsync(Email);
            if (user == null || !(await userManager.IsEmailConfirmedAsync(user))) return RedirectToPage("./ForgotPasswordConfirmation");
            var code = await userManager.GeneratePasswordResetTokenAsync(user);
            await emailSender.SendEmailAsync(Email, "Reset Password", code);
            return RedirectToPage("./ForgotPasswordConfirmation");
        }
    }

    [AllowAnonymous]
    public class RegisterConfirmationModel(UserManager<IdentityUser> userManager) : PageModel
    {
        public async Task<IActionResult> OnGetAsync(string email) { await userManager.FindByEmailAsync(email); return Page(); }
    }
}

namespace App.Controllers
{
    [Authorize]
    public class AccountController(SignInManager<IdentityUser> signInManager) : Controller
    {
        [HttpPost, AllowAnonymous, ValidateAntiForgeryToken]
        public async Task<IActionResult> Logout()
        {
            await signInManager.SignOutAsync();
            return RedirectToAction("Index", "Home");
        }

        [HttpPost, AllowAnonymous]
        public IActionResult ExternalLogin(string provider, string? returnUrl = null)
        {
            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, Url.Action("Callback", new { returnUrl }));
            return new ChallengeResult(provider, properties);
        }

        [HttpPost, AllowAnonymous]
        public async Task<IActionResult> SignOutOidc()
        {
            await HttpContext.SignOutAsync();
            return SignOut(new AuthenticationProperties { RedirectUri = "/" }, "Cookies", "oidc");
        }
    }

    [ApiController, Route("api/[controller]")]
    public class ClientErrorsController : ControllerBase
    {
        // Browsers report CSP violations and client errors anonymously.
        [HttpPost("csp-report"), AllowAnonymous]  // expect HF3002
        public IActionResult CspReport([FromBody] object report) => NoContent();
    }
}
namespace App.More
{
    [Microsoft.AspNetCore.Mvc.ApiController]
    public class ProfileController(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> users) : Microsoft.AspNetCore.Mvc.ControllerBase
    {
        [Microsoft.AspNetCore.Mvc.HttpPost, AllowAnonymous]  // expect HF3002
        public async Task<Microsoft.AspNetCore.Mvc.IActionResult> DeleteAccount(string id)
        {
            await users.DeleteAsync((await users.FindByIdAsync(id))!);
            await signInManager.SignOutAsync();
            return Ok();
        }
    }
}
namespace App.Api
{
    public record RegisterDto(string Email, string Password);
    public record ItemDto(string Name);
    public interface IItemRepository { Task<int> CreateAsync(ItemDto item); }

    public class AccountService(UserManager<IdentityUser> userManager)
    {
        public async Task<bool> SignUpAsync(RegisterDto dto) =>
            (await userManager.CreateAsync(new IdentityUser { UserName = dto.Email, Email = dto.Email }, dto.Password)).Succeeded;
    }

    public class ItemService(IItemRepository repo)
    {
        public async Task<int> CreateAsync(ItemDto item) => await repo.CreateAsync(item);
    }

    [ApiController, Route("api/[controller]"), Authorize]
    public class ItemsController(ItemService items, AccountService accounts) : ControllerBase
    {
        [HttpPost("sign-up"), AllowAnonymous]
        public async Task<IActionResult> SignUp(RegisterDto dto) => await accounts.SignUpAsync(dto) ? Ok() : BadRequest();

        [HttpPost, AllowAnonymous]  // expect HF3002
        public async Task<IActionResult> Create(ItemDto dto) => Ok(await items.CreateAsync(dto));
    }
}
namespace App.Mvc
{
    public interface ISessionStore { Task PurgeExpiredAsync(DateTime before); }

    // Conventional routes: an action with no [Http…] attribute answers every verb.
    [Authorize]
    public class SessionsController(ISessionStore sessions, ILogger<SessionsController> logger) : Controller
    {
        [AllowAnonymous]
        public IActionResult Expired(string? returnUrl = null)
        {
            logger.LogInformation("Session expired.");
            ViewData["ReturnUrl"] = returnUrl;
            return View();
        }

        [AllowAnonymous]  // expect HF3002
        public async Task<IActionResult> PurgeSessions()
        {
            await sessions.PurgeExpiredAsync(DateTime.UtcNow);
            return RedirectToAction("Index", "Home");
        }
    }
}

using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.AuthorizationBypassAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class AuthorizationBypassTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;

        """;

    private static Task Expect(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Usings + source, expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string message) =>
        Verify.Diagnostic("HF3002").WithLocation(location).WithArguments(message, "").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task AllowAnonymous_on_state_changing_actions() => Expect("""
        [ApiController, Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpPost, {|#0:AllowAnonymous|}] public IActionResult Create() => Ok();
            [HttpDelete("{id}")][{|#1:AllowAnonymous|}] public IActionResult Delete(int id) => Ok();
            [AcceptVerbs("GET", "PUT"), {|#2:AllowAnonymous|}] public IActionResult Replace() => Ok();
            [HttpGet, AllowAnonymous] public IActionResult List() => Ok();
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Create' reachable without authentication"),
        At(1, "[AllowAnonymous] makes the DELETE action 'Delete' reachable without authentication"),
        At(2, "[AllowAnonymous] makes the PUT action 'Replace' reachable without authentication"));

    [Fact]
    public Task AllowAnonymous_on_the_class_opens_its_state_changing_actions() => Expect("""
        [{|#0:AllowAnonymous|}]
        public class AccountController : Controller
        {
            [HttpGet] public IActionResult Login() => View();
            [HttpPost] public IActionResult Login(string user) => View();
            [HttpPatch] public IActionResult Rename(string name) => View();
        }
        """,
        At(0, "[AllowAnonymous] on 'AccountController' makes state-changing actions reachable without authentication: Login (POST), Rename (PATCH)"));

    private const string Identity = """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Identity;

        public class AppUser : IdentityUser { }

        """;

    [Fact]
    public Task Authentication_endpoints_stay_anonymous_any_other_state_changing_action_is_reported() => Expect(Identity + """
        [Authorize]
        public class AccountController : Controller
        {
            private readonly SignInManager<AppUser> signIn;
            private readonly UserManager<AppUser> users;

            public AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users) { this.signIn = signIn; this.users = users; }

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> Login(string user, string password)
            {
                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
                return result.Succeeded ? Ok() : Unauthorized();
            }

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> Register(string email, string password) => Ok(await users.CreateAsync(new AppUser { UserName = email }, password));

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> ResetPassword(string email, string token, string password)
            {
                var user = await users.FindByEmailAsync(email);
                return user is null ? Ok() : Ok(await users.ResetPasswordAsync(user, token, password));
            }

            [HttpPost, AllowAnonymous] public IActionResult ExternalLogin(string provider) => Challenge(provider);

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> KioskLogin()
            {
                await HttpContext.SignInAsync(new System.Security.Claims.ClaimsPrincipal());
                return Ok();
            }

            [HttpPost, {|#0:AllowAnonymous|}]
            public async Task<IActionResult> Rename(string name)
            {
                var user = await users.FindByNameAsync(name);
                return user is null ? NotFound() : Ok(await users.UpdateAsync(user));
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Rename' reachable without authentication, overriding [Authorize] on 'AccountController'"));

    [Fact]
    public Task A_token_login_checks_the_password_and_signing_out_is_no_login() => Expect(Identity + """
        [ApiController, Route("api/auth"), Authorize]
        public class AuthController : ControllerBase
        {
            private readonly UserManager<AppUser> users;
            private readonly SignInManager<AppUser> signIn;

            public AuthController(UserManager<AppUser> users, SignInManager<AppUser> signIn) { this.users = users; this.signIn = signIn; }

            [HttpPost("token"), AllowAnonymous]
            public async Task<IActionResult> Token(string name, string password)
            {
                var user = await users.FindByNameAsync(name);
                return user is null || !await users.CheckPasswordAsync(user, password) ? Unauthorized() : Ok("jwt-for-" + user.Id);
            }

            [HttpDelete("{id}"), {|#0:AllowAnonymous|}]
            public async Task<IActionResult> Delete(string id)
            {
                var user = await users.FindByIdAsync(id);
                await users.DeleteAsync(user!);
                await signIn.SignOutAsync();
                return NoContent();
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the DELETE action 'Delete' reachable without authentication, overriding [Authorize] on 'AuthController'"));

    [Fact]
    public Task A_logout_that_signs_out_stays_anonymous_like_the_Identity_UI_page_but_no_other_sign_out_does() => Expect(Identity + """
        [AllowAnonymous]
        public class LogoutModel : PageModel
        {
            private readonly SignInManager<AppUser> signIn;
            public LogoutModel(SignInManager<AppUser> signIn) => this.signIn = signIn;
            public async Task<IActionResult> OnPost(string returnUrl = null) { await signIn.SignOutAsync(); return LocalRedirect(returnUrl ?? "/"); }
        }

        [Authorize]
        public class AccountController : Controller
        {
            private readonly SignInManager<AppUser> signIn;
            public AccountController(SignInManager<AppUser> signIn) => this.signIn = signIn;

            [HttpPost, AllowAnonymous, ValidateAntiForgeryToken]
            public async Task<IActionResult> LogOff() { await signIn.SignOutAsync(); return RedirectToAction("Index", "Home"); }

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> SignOutEverywhere() { await HttpContext.SignOutAsync(); return SignOut(new AuthenticationProperties { RedirectUri = "/" }, "Cookies", "oidc"); }

            [HttpPost, {|#0:AllowAnonymous|}]
            public async Task<IActionResult> Close() { await signIn.SignOutAsync(); return Ok(); }

            [HttpPost, {|#1:AllowAnonymous|}]
            public IActionResult Logout() => Ok();
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/account/log-out", async (SignInManager<AppUser> s) => { await s.SignOutAsync(); return Results.Ok(); }).AllowAnonymous();
                app.MapPost("/logout", (HttpContext context) => Results.SignOut()).AllowAnonymous();
                app.MapPost("/account/close", async (SignInManager<AppUser> s) => { await s.SignOutAsync(); return Results.Ok(); }).{|#2:AllowAnonymous|}();
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Close' reachable without authentication, overriding [Authorize] on 'AccountController'"),
        At(1, "[AllowAnonymous] makes the POST action 'Logout' reachable without authentication, overriding [Authorize] on 'AccountController'"),
        At(2, "AllowAnonymous() makes the POST endpoint reachable without authentication"));

    [Fact]
    public Task A_language_or_theme_switch_that_sets_a_cookie_on_the_callers_response_stays_anonymous() => Expect("""
        [{|#0:AllowAnonymous|}]
        public class HomeController : Controller
        {
            [HttpPost]
            public IActionResult SetLanguage(string culture, string returnUrl)
            {
                Response.Cookies.Append(".AspNetCore.Culture", "c=" + culture + "|uic=" + culture, new CookieOptions { Expires = System.DateTimeOffset.UtcNow.AddYears(1) });
                return LocalRedirect(returnUrl);
            }

            [HttpPost]
            public IActionResult SetTheme(string theme) { Response.Cookies.Append("theme", theme); return Ok(); }

            [HttpPost]
            public IActionResult Subscribe(string email) { Response.Cookies.Append("subscribed", "1"); return Ok(); }

            [HttpPost]
            public IActionResult ChangeLanguage(string culture) => Ok();
        }
        """,
        At(0, "[AllowAnonymous] on 'HomeController' makes state-changing actions reachable without authentication: Subscribe (POST), ChangeLanguage (POST)"));

    [Fact]
    public Task A_hand_written_jwt_login_or_sign_up_checks_or_hashes_a_password_or_issues_a_token() => Expect(Identity + """
        namespace System.IdentityModel.Tokens.Jwt
        {
            public class JwtSecurityToken { }
            public class JwtSecurityTokenHandler { public string WriteToken(JwtSecurityToken token) => ""; }
        }
        namespace BCrypt.Net
        {
            public static class BCrypt { public static bool Verify(string text, string hash) => true; public static string HashPassword(string text) => text; }
        }

        public record Credentials(string Email, string Password);
        public interface ITokenService { string CreateToken(AppUser user); Task<bool> VerifyOtpAsync(string phone, string code); }
        public interface IUsers { AppUser Find(string email); void Add(AppUser user); }

        [ApiController, Route("api/auth")]
        public class AuthController : ControllerBase
        {
            private readonly IUsers users;
            private readonly IPasswordHasher<AppUser> hasher;
            private readonly ITokenService tokens;
            public AuthController(IUsers users, IPasswordHasher<AppUser> hasher, ITokenService tokens) { this.users = users; this.hasher = hasher; this.tokens = tokens; }

            [AllowAnonymous, HttpPost("login")]
            public IActionResult Login(Credentials c) =>
                BCrypt.Net.BCrypt.Verify(c.Password, users.Find(c.Email).PasswordHash)
                    ? Ok(new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().WriteToken(new System.IdentityModel.Tokens.Jwt.JwtSecurityToken()))
                    : Unauthorized();

            [AllowAnonymous, HttpPost("token")]
            public IActionResult Token(Credentials c)
            {
                var user = users.Find(c.Email);
                return hasher.VerifyHashedPassword(user, user.PasswordHash!, c.Password) == PasswordVerificationResult.Failed ? Unauthorized() : Ok(tokens.CreateToken(user));
            }

            [AllowAnonymous, HttpPost("register")]
            public IActionResult Register(Credentials c)
            {
                var user = new AppUser { Email = c.Email };
                user.PasswordHash = hasher.HashPassword(user, c.Password);
                users.Add(user);
                return Ok();
            }

            [AllowAnonymous, HttpPost("otp")]
            public async Task<IActionResult> Otp(string phone, string code) => await tokens.VerifyOtpAsync(phone, code) ? Ok() : Unauthorized();

            [HttpPost("invite"), {|#0:AllowAnonymous|}]
            public IActionResult Invite(Credentials c)
            {
                users.Add(new AppUser { Email = c.Email });
                return Ok();
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Invite' reachable without authentication"));

    [Fact]
    public Task AllowAnonymous_on_a_controller_opens_the_actions_it_inherits_and_overrides() => Expect(Identity + """
        public abstract class CrudController<T> : ControllerBase
        {
            [HttpGet] public IActionResult List() => Ok();
            [HttpPost] public IActionResult Create(T item) => Ok();
            [HttpDelete("{id}")] public virtual IActionResult Delete(int id) => Ok();
            [HttpPost("login")] public async Task<IActionResult> Login(string name, string password, SignInManager<AppUser> signIn) =>
                (await signIn.PasswordSignInAsync(name, password, false, false)).Succeeded ? Ok() : Unauthorized();
            [HttpPut("{id}"), Authorize] public IActionResult Replace(int id, T item) => Ok();
        }

        [{|#0:AllowAnonymous|}, Route("products")]
        public class ProductsController : CrudController<string>
        {
            public override IActionResult Delete(int id) => Ok();
        }

        [Authorize]
        public abstract class NotesBase : ControllerBase
        {
            [HttpPost] public virtual IActionResult Create(string text) => Ok();
        }

        public class NotesController : NotesBase
        {
            [{|#1:AllowAnonymous|}] public override IActionResult Create(string text) => Ok();
        }

        [Route("orders")]
        public class OrdersController : CrudController<int> { }
        """,
        At(0, "[Authorize] on the inherited action 'Replace' has no effect in 'ProductsController': its [AllowAnonymous] overrides it"),
        At(0, "[AllowAnonymous] on 'ProductsController' makes state-changing actions reachable without authentication: Delete (DELETE), Create (POST)"),
        At(1, "[AllowAnonymous] makes the POST action 'Create' reachable without authentication, overriding [Authorize] on 'NotesBase'"));

    [Fact]
    public Task AllowAnonymous_on_the_class_names_only_the_actions_that_do_not_authenticate() => Expect(Identity + """
        [{|#0:AllowAnonymous|}]
        public class SessionController : Controller
        {
            private readonly SignInManager<AppUser> signIn;

            public SessionController(SignInManager<AppUser> signIn) => this.signIn = signIn;

            [HttpPost] public async Task<IActionResult> Login(string user, string password) => Ok(await signIn.PasswordSignInAsync(user, password, false, false));
            [HttpPost] public IActionResult Login2Fa() => SignIn(new System.Security.Claims.ClaimsPrincipal());
            [HttpDelete] public IActionResult Forget(string user) => Ok();
        }
        """,
        At(0, "[AllowAnonymous] on 'SessionController' makes state-changing actions reachable without authentication: Forget (DELETE)"));

    [Fact]
    public Task Authorize_silently_overridden_from_farther_away() => Expect("""
        [AllowAnonymous]
        public abstract class PublicController : ControllerBase { }

        [{|#0:Authorize|}]
        public class AdminController : PublicController
        {
            [HttpGet] public IActionResult Index() => Ok();
        }

        [AllowAnonymous]
        public class ReportsController : ControllerBase
        {
            [HttpGet, {|#1:Authorize(Roles = "admin")|}] public IActionResult Secret() => Ok();
        }
        """,
        At(0, "[Authorize] on 'AdminController' has no effect: [AllowAnonymous] on its base class 'PublicController' overrides it"),
        At(1, "[Authorize] on 'Secret' has no effect: [AllowAnonymous] on 'ReportsController' overrides it"));

    [Fact]
    public Task A_base_class_AllowAnonymous_reaches_derived_state_changing_actions() => Expect("""
        [AllowAnonymous]
        public abstract class PublicController : ControllerBase { }

        public class {|#0:WebhookController|} : PublicController
        {
            [HttpPost] public IActionResult Receive() => Ok();
        }
        """,
        At(0, "[AllowAnonymous] on the base class 'PublicController' makes state-changing actions reachable without authentication: Receive (POST)"));

    [Fact]
    public Task Razor_pages_handlers() => Expect("""
        [{|#0:AllowAnonymous|}]
        public class ContactModel : PageModel
        {
            public void OnGet() { }
            public IActionResult OnPostSend() => Page();
        }

        [Authorize]
        public class AdminModel : PageModel
        {
            [{|#1:AllowAnonymous|}] public void OnGet() { }
        }
        """,
        At(0, "[AllowAnonymous] on 'ContactModel' makes state-changing handlers reachable without authentication: OnPostSend (POST)"),
        At(1, "[AllowAnonymous] on Razor Pages handler 'OnGet' is ignored by ASP.NET Core: put it on the page model 'AdminModel' or use a page convention"));

    [Fact]
    public Task Hub_authorization_overridden_from_a_base_hub() => Expect("""
        [AllowAnonymous] public abstract class OpenHub : Hub { }
        [{|#0:Authorize|}] public class ChatHub : OpenHub { public Task Send(string m) => Task.CompletedTask; }
        """,
        At(0, "[Authorize] on 'ChatHub' has no effect: [AllowAnonymous] on its base class 'OpenHub' overrides it"));

    [Fact]
    public Task Minimal_api_AllowAnonymous() => Expect("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/orders", () => Results.Ok()).{|#0:AllowAnonymous|}();
                app.MapDelete("/orders/{id}", (int id) => Results.Ok()).RequireAuthorization().{|#1:AllowAnonymous|}();
                app.MapPut("/orders/{id}", [{|#2:AllowAnonymous|}] (int id) => Results.Ok());
                app.MapControllers().{|#3:AllowAnonymous|}();
                app.MapGet("/health", () => "ok").AllowAnonymous();
                var api = app.MapGroup("/api").RequireAuthorization();
                api.MapGet("/public", () => "ok").AllowAnonymous();
            }
        }
        """,
        At(0, "AllowAnonymous() makes the POST endpoint reachable without authentication"),
        At(1, "AllowAnonymous() makes the DELETE endpoint reachable without authentication, overriding RequireAuthorization()"),
        At(2, "[AllowAnonymous] on the handler makes the PUT endpoint reachable without authentication"),
        At(3, "AllowAnonymous() makes every endpoint of MapControllers() reachable without authentication"));

    [Fact]
    public Task MapMethods_reads_its_verbs_from_HttpMethods_fields_and_collection_expressions() => Expect("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] verbs)
            {
                app.MapMethods("/ping", new[] { HttpMethods.Get, HttpMethods.Head }, () => "pong").AllowAnonymous();
                app.MapMethods("/ready", ["GET", "HEAD"], () => "ok").AllowAnonymous();
                app.MapMethods("/ok", new[] { "GET", System.Net.Http.HttpMethod.Head.Method }, () => "ok").AllowAnonymous();
                app.MapMethods("/orders", new[] { HttpMethods.Get, HttpMethods.Post }, () => "ok").{|#0:AllowAnonymous|}();
                app.MapMethods("/carts", ["GET", "delete"], () => "ok").{|#1:AllowAnonymous|}();
                app.MapMethods("/any", verbs, () => "ok").{|#2:AllowAnonymous|}();
                app.MapMethods("/spread", ["GET", .. verbs], () => "ok").{|#3:AllowAnonymous|}();
            }
        }
        """,
        At(0, "AllowAnonymous() makes the POST endpoint reachable without authentication"),
        At(1, "AllowAnonymous() makes the DELETE endpoint reachable without authentication"),
        At(2, "AllowAnonymous() makes the MapMethods endpoint (its HTTP methods are not known here) reachable without authentication"),
        At(3, "AllowAnonymous() makes the MapMethods endpoint (its HTTP methods are not known here) reachable without authentication"));

    [Fact]
    public Task AllowAnonymous_on_a_route_group_opens_the_state_changing_endpoints_mapped_on_it() => Expect("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin").AllowAnonymous();
                admin.{|#0:MapDelete|}("/users/{id}", (int id) => Results.NoContent());
                admin.MapGet("/users", () => Results.Ok());
                var api = app.MapGroup("/api").RequireAuthorization();
                var open = api.MapGroup("/public").AllowAnonymous();
                open.{|#1:MapPost|}("/orders", () => Results.Ok()).RequireAuthorization();
                open.MapGet("/orders", () => Results.Ok());
                var reads = app.MapGroup("/docs").AllowAnonymous();
                reads.MapGet("/", () => "docs");
                api.MapPost("/orders", () => Results.Ok());
            }
        }
        """,
        At(0, "AllowAnonymous() on its route group makes the DELETE endpoint reachable without authentication"),
        At(1, "AllowAnonymous() on its route group makes the POST endpoint reachable without authentication"));

    [Fact]
    public Task Read_only_maps_and_hub_method_authorization_are_not_findings() => Expect("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapFallbackToFile("index.html").AllowAnonymous();
                app.MapFallback(() => Results.Ok()).{|#0:AllowAnonymous|}();
                app.MapMetrics().AllowAnonymous();
                app.MapHealthChecksUI().AllowAnonymous();
                app.MapGrpcHealthChecksService().AllowAnonymous();
            }

            // prometheus-net's and AspNetCore.HealthChecks.UI's maps, as their packages declare them.
            public static IEndpointConventionBuilder MapMetrics(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints.MapGet("/metrics", () => "");
            public static IEndpointConventionBuilder MapHealthChecksUI(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints.MapGet("/healthchecks-ui", () => "");

            // Grpc.AspNetCore.HealthChecks' map (Kubernetes' gRPC probes call it without credentials).
            public static IEndpointConventionBuilder MapGrpcHealthChecksService(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints.MapPost("/grpc.health.v1.Health/Check", () => "");
        }

        [AllowAnonymous]
        public class ChatHub : Hub
        {
            public Task Send(string message) => Task.CompletedTask;
            [Authorize(Roles = "Admin")] public Task Kick(string id) => Task.CompletedTask;
        }
        """,
        At(0, "AllowAnonymous() makes every endpoint of MapFallback() reachable without authentication"));

    [Fact]
    public Task A_hotfix_that_opens_a_get_login_which_challenges_is_not_reported()
    {
        var source = Usings + Identity + """
            [Authorize]
            public class ExternalController : Controller
            {
                [HttpGet, AllowAnonymous] public IActionResult Google() => Challenge("Google");
                [HttpGet, {|#0:AllowAnonymous|}] public IActionResult Logo() => Ok();
            }
            """;
        var lines = source.Split('\n');
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        return Verify.VerifyHotfixAsync(
            source,
            Verify.ChangedLinesOf(LineOf("Google()"), LineOf("Logo()")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HF3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("[AllowAnonymous] on 'Logo' overrides [Authorize] on 'ExternalController': the endpoint is now reachable without authentication", " (on a line this hotfix changes)"));
    }

    [Fact]
    public Task Minimal_api_authentication_handlers_stay_anonymous() => Expect(Identity + """
        public static class AuthEndpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/login", async (SignInManager<AppUser> signIn, string user, string password) =>
                    (await signIn.PasswordSignInAsync(user, password, false, false)).Succeeded ? Results.Ok() : Results.Unauthorized()).AllowAnonymous();
                app.MapPost("/login/external", [AllowAnonymous] (string provider) => Results.Challenge(properties: null, authenticationSchemes: [provider]));
                app.MapPost("/register", async (UserManager<AppUser> users, string email, string password) =>
                    Results.Ok(await users.CreateAsync(new AppUser { UserName = email }, password))).RequireAuthorization().AllowAnonymous();
                app.MapPost("/profile", async (UserManager<AppUser> users, string name) =>
                    Results.Ok(await users.FindByNameAsync(name))).{|#0:AllowAnonymous|}();
            }
        }
        """,
        At(0, "AllowAnonymous() makes the POST endpoint reachable without authentication"));

    [Fact]
    public Task A_login_that_signs_in_through_a_helper_or_an_account_service_of_its_own_stays_anonymous() => Expect(Identity + """
        public class AccountService
        {
            private readonly SignInManager<AppUser> signIn;
            public AccountService(SignInManager<AppUser> signIn) => this.signIn = signIn;
            public async Task<bool> LogInAsync(string user, string password) => (await signIn.PasswordSignInAsync(user, password, false, true)).Succeeded;
            public Task ArchiveAsync(string user) => Task.CompletedTask;
        }

        [Authorize]
        public class AccountController : Controller
        {
            private readonly AccountService accounts;
            private readonly SignInManager<AppUser> signIn;

            public AccountController(AccountService accounts, SignInManager<AppUser> signIn) { this.accounts = accounts; this.signIn = signIn; }

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> Login(string user, string password) => await SignInUser(user, password) ? Ok() : Unauthorized();

            [HttpPost, AllowAnonymous]
            public async Task<IActionResult> ServiceLogin(string user, string password) => await accounts.LogInAsync(user, password) ? Ok() : Unauthorized();

            [HttpPost, {|#0:AllowAnonymous|}]
            public async Task<IActionResult> Archive(string user)
            {
                await Audit(user);
                await accounts.ArchiveAsync(user);
                return Ok();
            }

            private async Task<bool> SignInUser(string user, string password) =>
                (await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true)).Succeeded;

            private Task Audit(string user) => Task.CompletedTask;
        }

        public static class LoginHandlers
        {
            public static IResult Login(string user) => Results.SignIn(new System.Security.Claims.ClaimsPrincipal());
            public static IResult Import(string file) => Results.Ok(file);

            public static void Map(WebApplication app)
            {
                app.MapPost("/login", Login).AllowAnonymous();
                app.MapPost("/import", Import).{|#1:AllowAnonymous|}();
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Archive' reachable without authentication, overriding [Authorize] on 'AccountController'"),
        At(1, "AllowAnonymous() makes the POST endpoint reachable without authentication"));

    [Fact]
    public Task A_helper_registers_a_user_only_when_its_CreateAsync_is_a_UserManagers_not_a_repositorys() => Verify.VerifyFilesAsync(
        [
            Usings + Identity + """
            public record SignUpDto(string Email, string Password);
            public interface IItemRepository { Task<int> CreateAsync(string name); }

            public class ItemService(IItemRepository repo)
            {
                public async Task<int> CreateAsync(string name) => await repo.CreateAsync(name);
            }

            [Authorize, ApiController, Route("items")]
            public class ItemsController(ItemService items, SignUps signUps, System.IServiceProvider services) : ControllerBase
            {
                private readonly UserManager<AppUser> userManager = null!;

                [HttpPost, {|#0:AllowAnonymous|}]
                public async Task<IActionResult> Create(string name) => Ok(await items.CreateAsync(name));

                [HttpPost("sign-up"), AllowAnonymous]
                public async Task<IActionResult> SignUp(SignUpDto dto) => Ok(await signUps.SignUpAsync(dto));

                [HttpPost("join"), AllowAnonymous]
                public async Task<IActionResult> Join(SignUpDto dto) => Ok(await AddUser(dto));

                [HttpPost("invite"), AllowAnonymous]
                public async Task<IActionResult> Invite(SignUpDto dto) => Ok(await Invited(dto));

                private async Task<bool> AddUser(SignUpDto dto) => (await this.userManager.CreateAsync(new AppUser { UserName = dto.Email }, dto.Password)).Succeeded;

                private async Task<bool> Invited(SignUpDto dto)
                {
                    var manager = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UserManager<AppUser>>(services);
                    return (await manager.CreateAsync(new AppUser { UserName = dto.Email })).Succeeded;
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;

            public class SignUps(UserManager<AppUser> users)
            {
                public async Task<bool> SignUpAsync(SignUpDto dto) => (await users.CreateAsync(new AppUser { UserName = dto.Email }, dto.Password)).Succeeded;
            }
            """,
        ],
        At(0, "[AllowAnonymous] makes the POST action 'Create' reachable without authentication, overriding [Authorize] on 'ItemsController'"));

    [Fact]
    public Task An_action_that_names_no_HTTP_method_answers_every_verb_when_it_may_change_state() => Expect("""
        public class ErrorViewModel { public string? RequestId { get; set; } }
        public class Product { public int Id { get; set; } }
        public interface ICatalog { Task<Product[]> GetFeaturedAsync(); }
        public interface IMaintenance { Task PurgeSessions(System.DateTime before); }

        [Authorize]
        public class MaintenanceController(IMaintenance maintenance, ICatalog catalog, Microsoft.Extensions.Logging.ILogger<MaintenanceController> logger) : Controller
        {
            [{|#0:AllowAnonymous|}]
            public async Task<IActionResult> PurgeSessions()
            {
                await maintenance.PurgeSessions(System.DateTime.UtcNow);
                return RedirectToAction("Index", "Home");
            }

            [AllowAnonymous]
            public IActionResult Login(string? returnUrl = null)
            {
                ViewData["ReturnUrl"] = returnUrl;
                Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "login page");
                return View();
            }

            [AllowAnonymous]
            public async Task<IActionResult> Featured() => View(await catalog.GetFeaturedAsync());

            [AllowAnonymous]
            public IActionResult Error() => View(new ErrorViewModel { RequestId = HttpContext.TraceIdentifier });

            [HttpGet, AllowAnonymous]
            public async Task<IActionResult> Purge() { await maintenance.PurgeSessions(System.DateTime.UtcNow); return Ok(); }
        }

        [{|#1:AllowAnonymous|}]
        public class ToolsController(IMaintenance maintenance) : Controller
        {
            public IActionResult Index() => View();
            public async Task<IActionResult> Reset() { await maintenance.PurgeSessions(System.DateTime.UtcNow); return View(); }
        }

        // The CQRS shape of an MVC page: a dispatcher sent a request named as a read renders it; a command may write.
        public record GetCatalogPage(int Page);
        public record CatalogSearchQuery(string Text);
        public record ClearBasket(int BasketId);
        public interface ISender { Task<T> Send<T>(object request); }

        [{|#2:AllowAnonymous|}]
        public class CatalogController(ISender mediator) : Controller
        {
            public async Task<IActionResult> Index(int page = 1) => View(await mediator.Send<Product[]>(new GetCatalogPage(page)));
            public async Task<IActionResult> Search(string text) => View(await mediator.Send<Product[]>(new CatalogSearchQuery(text)));
            public async Task<IActionResult> Clear(int id) { await mediator.Send<bool>(new ClearBasket(id)); return RedirectToAction("Index"); }
        }
        """,
        At(0, "[AllowAnonymous] makes the action 'PurgeSessions', which names no HTTP method and so answers POST and DELETE too, reachable without authentication, overriding [Authorize] on 'MaintenanceController'"),
        At(1, "[AllowAnonymous] on 'ToolsController' makes state-changing actions reachable without authentication: Reset (any verb)"),
        At(2, "[AllowAnonymous] on 'CatalogController' makes state-changing actions reachable without authentication: Clear (any verb)"));

    [Fact]
    public Task A_token_api_that_logs_in_registers_or_refreshes_through_its_own_account_service_stays_anonymous() => Expect("""
        public record AuthenticateRequest(string Username, string Password);

        public interface IUserService
        {
            Task<string?> AuthenticateAsync(AuthenticateRequest model);
            string Register(AuthenticateRequest model);
            Task<string> RefreshTokenAsync(string token);
            void RegisterOrder(int id);
        }

        [Authorize, ApiController, Route("users")]
        public class UsersController : ControllerBase
        {
            private readonly IUserService users;
            public UsersController(IUserService users) => this.users = users;

            [AllowAnonymous, HttpPost("authenticate")]
            public async Task<IActionResult> Authenticate(AuthenticateRequest model) => await users.AuthenticateAsync(model) is { } token ? Ok(token) : Unauthorized();

            [AllowAnonymous, HttpPost("register")]
            public IActionResult Register(AuthenticateRequest model) => Ok(users.Register(model));

            [AllowAnonymous, HttpPost("refresh-token")]
            public async Task<IActionResult> Refresh(string token) => Ok(await users.RefreshTokenAsync(token));

            [{|#0:AllowAnonymous|}, HttpPost("orders/{id}")]
            public IActionResult Order(int id) { users.RegisterOrder(id); return Ok(); }
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Order' reachable without authentication, overriding [Authorize] on 'UsersController'"));

    [Fact]
    public Task A_refresh_token_exchanged_for_a_new_token_is_the_callers_credential_but_another_refresh_is_not() => Expect("""
        public record RefreshRequest(string RefreshToken);

        public interface IAuthService
        {
            Task<string?> RefreshAsync(string refreshToken);
            Task RefreshCacheAsync(string key);
        }

        [Authorize, ApiController, Route("auth")]
        public class AuthController(IAuthService auth) : ControllerBase
        {
            [HttpPost("refresh"), AllowAnonymous]
            public async Task<IActionResult> Refresh(RefreshRequest req) => await auth.RefreshAsync(req.RefreshToken) is { } token ? Ok(token) : Unauthorized();

            [HttpPost("renew"), AllowAnonymous]
            public async Task<IActionResult> Renew(string refreshToken) => Ok(await Exchange(refreshToken));

            [HttpPost("cache/{key}"), {|#0:AllowAnonymous|}]
            public async Task<IActionResult> Reload(string key) { await auth.RefreshCacheAsync(key); return Ok(); }

            private async Task<string?> Exchange(string token) => await auth.RefreshAsync(refreshToken: token);
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Reload' reachable without authentication, overriding [Authorize] on 'AuthController'"));

    [Fact]
    public Task Registering_a_device_is_no_sign_up_but_registering_through_an_account_service_or_with_a_password_is() => Expect("""
        public record DeviceDto(string Token, string Platform);
        public record SignUpRequest(string Email, string Password);
        public interface IPushService { Task RegisterAsync(string token, string platform); }
        public interface IAppService { Task<bool> RegisterAsync(SignUpRequest request); }
        public interface IAuthService { Task<bool> RegisterAsync(string email); }

        [Authorize, ApiController, Route("api")]
        public class DevicesController(IPushService push, IAppService app, IAuthService auth) : ControllerBase
        {
            [HttpPost("devices"), {|#0:AllowAnonymous|}]
            public async Task<IActionResult> AddDevice(DeviceDto dto) { await push.RegisterAsync(dto.Token, dto.Platform); return Accepted(); }

            [HttpPost("devices/v2"), {|#1:AllowAnonymous|}]
            public async Task<IActionResult> AddDevice2(DeviceDto dto) { await Subscribe(dto); return Accepted(); }

            [HttpPost("sign-up"), AllowAnonymous]
            public async Task<IActionResult> SignUp(SignUpRequest request) => await app.RegisterAsync(request) ? Ok() : BadRequest();

            [HttpPost("magic-link"), AllowAnonymous]
            public async Task<IActionResult> MagicLink(string email) => await auth.RegisterAsync(email) ? Ok() : BadRequest();

            [HttpPost("join"), AllowAnonymous]
            public async Task<IActionResult> Join(string email) => await Enrol(email) ? Ok() : BadRequest();

            private Task Subscribe(DeviceDto dto) => push.RegisterAsync(dto.Token, dto.Platform);

            private Task<bool> Enrol(string email) => auth.RegisterAsync(email);
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'AddDevice' reachable without authentication, overriding [Authorize] on 'DevicesController'"),
        At(1, "[AllowAnonymous] makes the POST action 'AddDevice2' reachable without authentication, overriding [Authorize] on 'DevicesController'"));

    [Fact]
    public Task A_webhook_that_checks_its_request_signature_authenticates_its_caller() => Expect("""
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;

        [Authorize, ApiController, Route("hooks")]
        public class WebhooksController : ControllerBase
        {
            private readonly byte[] secret = new byte[32];

            [HttpPost("github"), AllowAnonymous]
            public async Task<IActionResult> GitHub()
            {
                using var reader = new StreamReader(Request.Body);
                var body = Encoding.UTF8.GetBytes(await reader.ReadToEndAsync());
                using var hmac = new HMACSHA256(secret);
                var expected = "sha256=" + System.Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
                return expected == Request.Headers["X-Hub-Signature-256"].ToString() ? Ok() : Unauthorized();
            }

            [HttpPost("payments"), AllowAnonymous]
            public IActionResult Payments([FromBody] byte[] body)
            {
                var signature = System.Convert.FromHexString(Request.Headers["X-Signature"].ToString());
                return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, body), signature) ? Ok() : Unauthorized();
            }

            [HttpPost("shipping"), AllowAnonymous]
            public IActionResult Shipping([FromBody] string body) => SignatureChecks.VerifyShippingSignature(body, Request.Headers["X-Sig"].ToString()) ? Ok() : Unauthorized();

            [HttpPost("orders"), {|#0:AllowAnonymous|}]
            public IActionResult Orders([FromBody] string body)
            {
                var digest = SHA256.HashData(Encoding.UTF8.GetBytes(body));
                return Ok(digest);
            }
        }

        public static class SignatureChecks
        {
            public static bool VerifyShippingSignature(string body, string signature) => signature.Length > 0 && body.Length > 0;
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Orders' reachable without authentication, overriding [Authorize] on 'WebhooksController'"));

    [Fact]
    public Task Read_only_overrides_are_reported_only_when_a_hotfix_adds_them()
    {
        const string source = Usings + """
            [{|#1:Authorize|}]
            public class ProfileController : ControllerBase
            {
                [HttpGet, {|#0:AllowAnonymous|}] public IActionResult Avatar() => Ok();
            }
            """;
        var line = source[..source.IndexOf("[HttpGet", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        return Task.WhenAll(
            Verify.VerifyAsync(source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "")),
            Verify.VerifyHotfixAsync(source, Verify.ChangedLinesOf(line),
                Verify.Diagnostic("HF3002").WithLocation(0).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
    }

    [Fact]
    public Task A_hotfix_changing_the_class_attribute_escalates_the_action_findings()
    {
        const string source = Usings + """
            [{|#1:AllowAnonymous|}]
            public abstract class PublicController : ControllerBase { }
            public class {|#0:WebhookController|} : PublicController
            {
                [HttpPost] public IActionResult Receive() => Ok();
            }
            """;
        var line = source[..source.IndexOf("AllowAnonymous|}]", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        return Verify.VerifyHotfixAsync(source, Verify.ChangedLinesOf(line),
            Verify.Diagnostic("HF3002").WithLocation(0).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public Task Protected_and_plain_endpoints_are_fine() => Expect("""
        [Authorize]
        public class OrdersController : ControllerBase
        {
            [HttpPost] public IActionResult Create() => Ok();
            [HttpGet] public IActionResult List() => Ok();
            [NonAction, AllowAnonymous, HttpPost] public void Helper() { }
        }
        public class HomeController : Controller { public IActionResult Index() => View(); }
        [AllowAnonymous] public class PublicController : Controller { [HttpGet] public IActionResult About() => View(); }
        [AllowAnonymous] public class NotAController { [HttpPost] public void Post() { } }
        """);

    // HF3002 reads endpoint bodies only in a compilation where [AllowAnonymous] may open an endpoint; without one it
    // judges types by a plain symbol action (AuthorizationBypassAnalyzer.Endpoints.cs). The symbol-start registration is
    // taken straight from the syntax when a class naming a base type is written with [AllowAnonymous]; an alias hides
    // the attribute from that test, and then the binding search decides. The four cases take all three paths (syntax →
    // symbol-start; binding → symbol action; binding → symbol-start), and every path must find the same.
    [Theory]
    [InlineData(false, "AllowAnonymous")]
    [InlineData(false, "Open")]
    [InlineData(true, "AllowAnonymous")]
    [InlineData(true, "Open")]
    public Task Findings_are_the_same_with_and_without_an_anonymous_endpoint_in_the_compilation(bool withAnonymousEndpoint, string allowAnonymous) => Expect(
        "using Open = Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute;\n" + $$"""
        public class AdminModel : PageModel
        {
            [{|#0:Authorize|}] public void OnGet() { }
        }

        [{{allowAnonymous}}] public abstract class OpenHub : Hub { }
        [{|#1:Authorize|}] public class SilentHub : OpenHub { }

        """ + (withAnonymousEndpoint ? $"[{allowAnonymous}] public class PublicController : Controller {{ [HttpGet] public IActionResult About() => View(); }}\n" : string.Empty),
        At(0, "[Authorize] on Razor Pages handler 'OnGet' is ignored by ASP.NET Core: put it on the page model 'AdminModel' or use a page convention"),
        At(1, "[Authorize] on 'SilentHub' has no effect: [AllowAnonymous] on its base class 'OpenHub' overrides it"));

    // The syntax test reads only the written name [AllowAnonymous]. Spelled through an alias or as an attribute class of
    // another name that implements IAllowAnonymous, an anonymous sign-in endpoint must still be found by the binding
    // search, which picks the registration that reads its body: with the plain symbol action Login would be reported.
    [Theory]
    [InlineData("Open")]
    [InlineData("Public")]
    public Task An_anonymous_sign_in_endpoint_spelled_without_the_attribute_name_still_has_its_body_read(string allowAnonymous) => Expect(
        "using Open = Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute;\n" + Identity + $$"""
        public sealed class PublicAttribute : System.Attribute, IAllowAnonymous { }

        public class AccountController(SignInManager<AppUser> signIn) : ControllerBase
        {
            [HttpPost, {{allowAnonymous}}] public async Task<IActionResult> Login(string user, string password) => Ok(await signIn.PasswordSignInAsync(user, password, false, false));
            [HttpPost, {|#0:{{allowAnonymous}}|}] public IActionResult Rename(string name) => Ok();
        }
        """,
        At(0, "[AllowAnonymous] makes the POST action 'Rename' reachable without authentication"));

    // At compilation start HF3002 looks for endpoint types without binding: a class whose declarations name no base type
    // and whose name does not end in "Controller" is skipped (AuthorizationBypassAnalyzer.Endpoints.cs). Each test below
    // has exactly one endpoint type, in a shape that shortcut must not skip: if it did, the rule would register nothing.
    [Fact]
    public Task A_controller_whose_base_class_is_named_in_another_file_is_found() => Verify.VerifyFilesAsync(
        new[]
        {
            Usings + """
                public partial class Orders
                {
                    [HttpPost, {|#0:AllowAnonymous|}] public IActionResult Create() => Ok();
                }
                """,
            Usings + """
                [ApiController, Authorize]
                public partial class Orders : ControllerBase { }
                """,
        },
        At(0, "[AllowAnonymous] makes the POST action 'Create' reachable without authentication, overriding [Authorize] on 'Orders'"));

    [Fact]
    public Task A_page_model_whose_base_class_is_named_in_another_file_is_found() => Verify.VerifyFilesAsync(
        new[]
        {
            Usings + """
                public partial class Edit
                {
                    [{|#0:Authorize|}] public void OnPost() { }
                }
                """,
            Usings + "public partial class Edit : PageModel { }\n",
        },
        At(0, "[Authorize] on Razor Pages handler 'OnPost' is ignored by ASP.NET Core: put it on the page model 'Edit' or use a page convention"));

    [Fact]
    public Task A_nested_endpoint_type_is_found() => Expect("""
        public static class Admin
        {
            public class Users : ControllerBase
            {
                [HttpDelete, {|#0:AllowAnonymous|}] public IActionResult Remove() => Ok();
            }
        }
        """,
        At(0, "[AllowAnonymous] makes the DELETE action 'Remove' reachable without authentication"));

    [Fact]
    public Task AllowAnonymous_on_a_base_class_in_another_file_reaches_the_derived_actions() => Verify.VerifyFilesAsync(
        new[]
        {
            Usings + """
                public class {|#0:Reports|} : ReportsBase
                {
                    [HttpPut] public IActionResult Replace() => Ok();
                }
                """,
            Usings + """
                [AllowAnonymous]
                public abstract class ReportsBase : ControllerBase { }
                """,
        },
        At(0, "[AllowAnonymous] on the base class 'ReportsBase' makes state-changing actions reachable without authentication: Replace (PUT)"));
}

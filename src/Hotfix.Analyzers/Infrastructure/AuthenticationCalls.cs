using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Calls that make an action an authentication endpoint — one that must be reachable anonymously because it is how a
/// user becomes authenticated: ASP.NET Core Identity's <c>SignInManager</c> (sign in, two-factor, external login),
/// the <c>UserManager</c> steps of registering, confirming and resetting, and the authentication APIs
/// (<c>HttpContext.SignInAsync</c>/<c>ChallengeAsync</c>, the <c>Challenge()</c>/<c>SignIn()</c> results of
/// controllers, pages and minimal APIs). Also a webhook's check of its request signature, which is how a webhook
/// authenticates its caller (it must be anonymous to the application's own scheme): an HMAC of the body compared in
/// constant time (<c>HMACSHA256.HashData</c>, <c>CryptographicOperations.FixedTimeEquals</c>), Stripe's
/// <c>EventUtility.ConstructEvent</c>, Svix's <c>Webhook.Verify</c>, a verifier named <c>Verify…Signature</c>.
/// Resolved once per compilation.
/// </summary>
internal sealed class AuthenticationCalls
{
    private static readonly HashSet<string> UserManagerSteps = new(System.StringComparer.Ordinal)
    {
        "CreateAsync", "ConfirmEmailAsync", "ResetPasswordAsync", "GeneratePasswordResetTokenAsync", "GenerateEmailConfirmationTokenAsync",
        "ChangeEmailAsync", "AddLoginAsync", "VerifyUserTokenAsync", "CheckPasswordAsync",
    };

    /// <summary>SignInManager members that do not sign anyone in: an anonymous action calling them is no login.</summary>
    private static readonly HashSet<string> NotSigningIn = new(System.StringComparer.Ordinal)
    {
        "SignOutAsync", "IsSignedIn", "RefreshSignInAsync",
    };

    private static readonly HashSet<string> AuthenticationMethods = new(System.StringComparer.Ordinal)
    {
        "SignInAsync", "ChallengeAsync", "SignIn", "Challenge",
    };

    /// <summary>
    /// The steps of a token API's own account service, by exact name on any type — the Web API login of countless
    /// templates is <c>[AllowAnonymous, HttpPost("authenticate")]</c> around <c>userService.Authenticate(model)</c>, an
    /// interface Identity knows nothing about: logging in, registering, refreshing or validating a token, and the
    /// password and e-mail steps. Also the credential steps of a hand-written JWT login or sign-up: checking a password
    /// against its hash (Identity's <c>IPasswordHasher.VerifyHashedPassword</c>, a <c>VerifyPasswordHash</c> helper),
    /// hashing a new one (<c>HashPassword</c>, <c>CreatePasswordHash</c>) and issuing the token
    /// (<c>JwtSecurityTokenHandler.WriteToken</c>, a token service's <c>CreateToken</c>/<c>GenerateJwtToken</c>), and the
    /// one-time-password steps of a phone or e-mail login (<c>SendOtp</c>, <c>VerifyOtp</c>). Exact
    /// names (with or without Async), so <c>RegisterOrder</c> is no registration.
    /// </summary>
    private static readonly HashSet<string> AccountServiceSteps = new(System.StringComparer.Ordinal)
    {
        "Authenticate", "AuthenticateUser", "Login", "LogIn", "LoginUser", "Register", "RegisterUser", "RefreshToken", "RefreshTokens",
        "ValidateToken", "VerifyToken", "ForgotPassword", "ResetPassword", "ConfirmEmail", "VerifyEmail", "ExternalLogin",
        "VerifyHashedPassword", "VerifyPassword", "VerifyPasswordHash", "CheckPassword", "HashPassword", "CreatePasswordHash",
        "WriteToken", "CreateToken", "GenerateToken", "GenerateJwt", "GenerateJwtToken", "CreateJwtToken", "GenerateAccessToken",
        "CreateAccessToken", "IssueToken", "RefreshAccessToken", "SendOtp", "VerifyOtp", "ValidateOtp", "VerifyTwoFactorCode",
    };

    private readonly INamedTypeSymbol? signInManager;
    private readonly INamedTypeSymbol? userManager;
    private readonly INamedTypeSymbol?[] authenticationApis;

    private AuthenticationCalls(Compilation compilation)
    {
        signInManager = compilation.GetBestType("Microsoft.AspNetCore.Identity.SignInManager`1");
        userManager = compilation.GetBestType("Microsoft.AspNetCore.Identity.UserManager`1");
        authenticationApis = new[]
        {
            compilation.GetBestType("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions"),
            compilation.GetBestType("Microsoft.AspNetCore.Mvc.ControllerBase"),
            compilation.GetBestType("Microsoft.AspNetCore.Mvc.RazorPages.PageModel"),
            compilation.GetBestType("Microsoft.AspNetCore.Http.Results"),
            compilation.GetBestType("Microsoft.AspNetCore.Http.TypedResults"),
        };
    }

    public static AuthenticationCalls Create(Compilation compilation) => new(compilation);

    /// <summary>
    /// For a method whose body is not bound here (an inherited action read at symbol end, a helper or a method-group
    /// handler an endpoint calls): whether its body calls anything named like an authentication step — every name
    /// <see cref="IsAuthenticationCall"/> accepts, and any SignInManager call that signs in (names with "SignIn"); a
    /// UserManager step only on a receiver declared as a UserManager (<see cref="ReceiverDeclarations"/>), since
    /// <c>CreateAsync</c> is as much a repository's insert as a user's registration; in a
    /// method named as a logout, a sign-out, and in one named as a language or theme switch, a cookie append
    /// (<see cref="CallerOnlyEndpoints"/>). Names only: the safe side is to believe it.
    /// </summary>
    public static bool MayAuthenticate(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var named = CallerOnlyEndpoints.NamedIn(method.Name);
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Any(n =>
                SyntaxFilters.NameOf(n.Type)?.StartsWith("HMAC", System.StringComparison.Ordinal) == true))
            {
                return true;
            }

            foreach (var call in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxFilters.InvokedName(call);
                if (name != null && (UserManagerSteps.Contains(name) && ReceiverDeclarations.IsNamedLike(call, "UserManager") ||
                    AuthenticationMethods.Contains(name) || IsAccountServiceStep(name) || AccountRegistrations.SignsUp(call) || ExchangesRefreshToken(call) ||
                    (name.Contains("SignIn") && !NotSigningIn.Contains(name)) || name.StartsWith("Challenge", System.StringComparison.Ordinal) ||
                    name == "FixedTimeEquals" || VerifiesSignature(name) ||
                    (named & CallerOnlyStep.SignOut) != 0 && name is "SignOutAsync" or "SignOut" || (named & CallerOnlyStep.Preference) != 0 && name == "Append"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the method body signs in, registers, challenges, confirms or resets through one of the APIs, or calls a
    /// method of the same project whose body names such a step (<see cref="MayAuthenticate"/>): a login action that
    /// signs in through a private helper or an account service of its own is a login too. One call deep, by name, as for
    /// inherited actions: a helper behind an interface, or two helpers deep, is not seen.
    /// </summary>
    public bool Authenticates(IOperation body, System.Threading.CancellationToken cancellationToken) => Authenticates(body, CallerOnlyStep.None, cancellationToken);

    /// <summary>
    /// <see cref="Authenticates(IOperation, System.Threading.CancellationToken)"/>, and for an endpoint whose name says it
    /// acts on the caller alone (<paramref name="named"/>, <see cref="CallerOnlyEndpoints"/>) also that step: a sign-out
    /// for a logout, a response cookie for a language or theme switch.
    /// </summary>
    public bool Authenticates(IOperation body, CallerOnlyStep named, System.Threading.CancellationToken cancellationToken)
    {
        List<IMethodSymbol>? helpers = null;
        foreach (var operation in body.Descendants())
        {
            if (operation is IObjectCreationOperation { Type: { } created } && IsHmac(created))
            {
                return true; // new HMACSHA256(secret): the key of a request signature
            }

            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            var target = invocation.TargetMethod;
            if (IsAuthenticationCall(target) || AccountRegistrations.SignsUp(invocation) ||
                invocation.Syntax is InvocationExpressionSyntax call && ExchangesRefreshToken(call) || (named & CallerOnlyStep.SignOut) != 0 && IsSignOut(target) ||
                (named & CallerOnlyStep.Preference) != 0 && CallerOnlyEndpoints.WritesResponseCookie(target))
            {
                return true;
            }

            if (!invocation.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty)
            {
                (helpers ??= new List<IMethodSymbol>()).Add(invocation.TargetMethod);
            }
        }

        // The helpers' bodies are read only when the action itself names no step: most anonymous actions are not logins.
        return helpers != null && helpers.Any(helper => MayAuthenticate(helper, cancellationToken));
    }

    private bool IsSignOut(IMethodSymbol method)
    {
        if (method.Name is not ("SignOutAsync" or "SignOut"))
        {
            return false;
        }

        var declaring = (method.ReducedFrom ?? method).ContainingType;
        return declaring.IsOrDerivesFrom(signInManager) || authenticationApis.Any(api => method.IsDeclaredIn(api));
    }

    /// <summary>BCrypt.Net's <c>BCrypt.Verify</c>/<c>EnhancedVerify</c>: a password checked against its stored hash.</summary>
    private static bool ChecksBCryptPassword(IMethodSymbol method, INamedTypeSymbol declaring) =>
        declaring.Name == "BCrypt" && method.Name is "Verify" or "EnhancedVerify";

    /// <summary>
    /// The exchange of a refresh token for a new access token — <c>auth.RefreshAsync(request.RefreshToken)</c>: a call
    /// named like a refresh and given a value (or a named argument) named like a refresh token, on any type. The refresh
    /// token is the caller's credential, presented because the access token has expired, so the endpoint must be
    /// anonymous. A refresh given anything else (<c>cache.RefreshAsync(key)</c>) is no token exchange.
    /// </summary>
    private static bool ExchangesRefreshToken(InvocationExpressionSyntax call) =>
        SyntaxFilters.InvokedName(call) is { } name && name.IndexOf("Refresh", System.StringComparison.Ordinal) >= 0 &&
        call.ArgumentList.Arguments.Any(argument => NamesRefreshToken(SyntaxFilters.NameOf(argument.Expression)) || NamesRefreshToken(argument.NameColon?.Name.Identifier.ValueText));

    private static bool NamesRefreshToken(string? name) => name != null && name.IndexOf("RefreshToken", System.StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>A step by its exact name; a bare <c>Register</c> only as <see cref="AccountRegistrations"/> tells.</summary>
    private static bool IsAccountServiceStep(string name) =>
        !AccountRegistrations.IsBareRegister(name) &&
        AccountServiceSteps.Contains(name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name);

    /// <summary>A webhook signature check by its name: Stripe's <c>ConstructEvent</c>, <c>Verify…Signature</c>, <c>IsValidSignature</c>.</summary>
    private static bool VerifiesSignature(string name) =>
        name == "ConstructEvent" ||
        (name.StartsWith("Verify", System.StringComparison.Ordinal) || name.StartsWith("Validate", System.StringComparison.Ordinal) ||
         name.StartsWith("IsValid", System.StringComparison.Ordinal) || name.StartsWith("Check", System.StringComparison.Ordinal)) &&
        name.IndexOf("Signature", System.StringComparison.Ordinal) >= 0;

    /// <summary>An HMAC of the request or its constant-time comparison (System.Security.Cryptography), or Svix's Webhook.Verify.</summary>
    private static bool ChecksRequestSignature(IMethodSymbol method, INamedTypeSymbol declaring)
    {
        if (VerifiesSignature(method.Name) || method.Name == "Verify" && declaring.Name == "Webhook")
        {
            return true;
        }

        if (declaring.ContainingNamespace?.ToDisplayString() != "System.Security.Cryptography")
        {
            return false;
        }

        return method.Name == "FixedTimeEquals" || IsHmac(declaring) && method.Name is "HashData" or "TryHashData" or "HashDataAsync";
    }

    private static bool IsHmac(ITypeSymbol type) =>
        type.Name.StartsWith("HMAC", System.StringComparison.Ordinal) && type.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography";

    private bool IsAuthenticationCall(IMethodSymbol method)
    {
        var declaring = (method.ReducedFrom ?? method).ContainingType;
        if (ChecksRequestSignature(method, declaring) || IsAccountServiceStep(method.Name) || ChecksBCryptPassword(method, declaring))
        {
            return true;
        }

        if (declaring.IsOrDerivesFrom(signInManager))
        {
            return !NotSigningIn.Contains(method.Name);
        }

        if (declaring.IsOrDerivesFrom(userManager))
        {
            return UserManagerSteps.Contains(method.Name);
        }

        if (!AuthenticationMethods.Contains(method.Name))
        {
            return false;
        }

        foreach (var api in authenticationApis)
        {
            if (method.IsDeclaredIn(api))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>What an endpoint does to the caller's own session or client alone, by what its name says.</summary>
[Flags]
internal enum CallerOnlyStep
{
    None = 0,

    /// <summary>Logging out (<c>Logout</c>, <c>LogOff</c>, <c>SignOut</c>): it ends the caller's own session.</summary>
    SignOut = 1,

    /// <summary>Choosing a language, culture or theme (<c>SetLanguage</c>): it sets a cookie on the caller's own response.</summary>
    Preference = 2,
}

/// <summary>
/// Endpoints that act on the caller alone and must work without a session (HF3002 leaves them anonymous): a logout that
/// signs out — ASP.NET Core Identity's own Logout page is <c>[AllowAnonymous]</c>, because signing out must work for a
/// caller whose session already expired — and a language, culture or theme switch that writes a response cookie (the
/// ASP.NET Core localization docs' <c>[HttpPost] SetLanguage(culture, returnUrl)</c> on the public home controller).
/// The name of the action, handler, page model or route must say which, and the body must do it: a sign-out or a cookie
/// at the end of an action named otherwise (deleting an account, then signing out) proves nothing.
/// </summary>
internal static class CallerOnlyEndpoints
{
    /// <summary>What a name says the endpoint does for the caller alone; letters only, any case (<c>/account/log-out</c>).</summary>
    public static CallerOnlyStep NamedIn(string? name)
    {
        if (name == null)
        {
            return CallerOnlyStep.None;
        }

        var letters = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        var text = letters.ToString();
        var steps = CallerOnlyStep.None;
        if (text.Contains("logout") || text.Contains("logoff") || text.Contains("signout") || text.Contains("signoff"))
        {
            steps |= CallerOnlyStep.SignOut;
        }

        if (text.Contains("language") || text.Contains("culture") || text.Contains("locale") || text.Contains("theme"))
        {
            steps |= CallerOnlyStep.Preference;
        }

        return steps;
    }

    /// <summary><c>Response.Cookies.Append</c>/<c>Delete</c>: a cookie on the caller's own response.</summary>
    public static bool WritesResponseCookie(IMethodSymbol method) =>
        method.Name is "Append" or "Delete" &&
        method.ContainingType is { Name: "IResponseCookies" } cookies && cookies.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// A bare <c>Register</c>/<c>RegisterAsync</c> call that signs a user up (HF3002 leaves such an endpoint anonymous):
/// on a service named for accounts — <c>IUserService.Register(model)</c>, <c>authService.RegisterAsync(dto)</c>, an
/// account, identity, member, customer, tenant, registration or sign-up service — or given a password (an argument
/// named like one, or of a type with a password property: <c>RegisterRequest(Email, Password)</c>). Registering a
/// device, a webhook or a push token (<c>push.RegisterAsync(dto.Token, dto.Platform)</c>) is no sign-up.
/// </summary>
internal static class AccountRegistrations
{
    private static readonly string[] AccountWords =
    {
        "User", "Account", "Auth", "Identity", "Member", "Customer", "Tenant", "Registration", "SignUp", "Signup",
    };

    public static bool IsBareRegister(string name) => name is "Register" or "RegisterAsync";

    /// <summary>The bound call: its method's type, its receiver's type, or an argument's type or name.</summary>
    public static bool SignsUp(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return IsBareRegister(method.Name) &&
            (NamesAccounts((method.ReducedFrom ?? method).ContainingType?.Name) || NamesAccounts(invocation.Instance?.Type?.Name) ||
             invocation.Arguments.Any(argument => NamesPassword(SyntaxFilters.NameOf(argument.Value.Syntax)) || HasPassword(argument.Value.WithoutConversions().Type)));
    }

    /// <summary>A call read from syntax (a helper's body): its receiver's declaration, or an argument named like a password.</summary>
    public static bool SignsUp(InvocationExpressionSyntax call) =>
        SyntaxFilters.InvokedName(call) is { } name && IsBareRegister(name) &&
        (ReceiverDeclarations.IsNamedLike(call, AccountWords) || call.ArgumentList.Arguments.Any(argument => NamesPassword(SyntaxFilters.NameOf(argument.Expression))));

    private static bool NamesAccounts(string? name) => name != null && AccountWords.Any(word => name.IndexOf(word, StringComparison.Ordinal) >= 0);

    private static bool NamesPassword(string? name) => name != null && name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool HasPassword(ITypeSymbol? type)
    {
        for (var current = type; current != null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            if (current.GetMembers().Any(member => member is IPropertySymbol && NamesPassword(member.Name)))
            {
                return true;
            }
        }

        return false;
    }
}

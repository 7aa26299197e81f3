using System.Collections.Generic;
using System.Threading;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3002's registration, chosen by what the compilation declares. A symbol-start action on named types makes the
/// analyzer driver set up per-symbol state for every symbol of the compilation — the largest cost this package added to
/// a compilation without a single controller (benchmarks/README.md, issue 15). So the source types are read once at
/// compilation start, with the same tests the type analysis makes, and the cheapest registration that sees everything
/// is picked: nothing without endpoint types; a plain symbol action when no endpoint is opened by [AllowAnonymous] (no
/// action body to read: the findings come from the attributes alone); the symbol-start action only when an anonymous
/// endpoint's body must be read to tell a sign-in endpoint from a bypass — or when <see cref="WritesAnonymousEndpoint"/>
/// sees, in the syntax alone, a class that may be an endpoint type written with [AllowAnonymous].
/// </summary>
public sealed partial class AuthorizationBypassAnalyzer
{
    private enum EndpointPresence
    {
        /// <summary>No controller, page model or hub is declared in source.</summary>
        None,

        /// <summary>Endpoint types, none of whose endpoints [AllowAnonymous] opens.</summary>
        Authorized,

        /// <summary>At least one endpoint that [AllowAnonymous] (on it, its type or a base type) opens.</summary>
        Anonymous,
    }

    /// <summary>Every endpoint type of the source assembly, nested types included; stops at the first anonymous endpoint.</summary>
    /// <remarks>
    /// The types that write an attribute named "…Anonymous…" are judged first. That changes only the order (any
    /// anonymous endpoint ends the search, and without one every type is judged), but it ends the search after binding
    /// the attributes of one type instead of every type met before it — at compilation start that binding happens
    /// inside this rule's callback, before the compiler has bound them.
    /// </remarks>
    private static EndpointPresence EndpointsIn(Compilation compilation, AspNetCoreSymbols asp, CancellationToken cancellationToken)
    {
        var writesAnonymous = new List<INamedTypeSymbol>();
        var others = new List<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol space)
            {
                foreach (var member in space.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }

            if (MayBeEndpointType(type))
            {
                (WritesAnonymousAttribute(type) ? writesAnonymous : others).Add(type);
            }
        }

        var presence = EndpointPresence.None;
        writesAnonymous.AddRange(others);
        foreach (var type in writesAnonymous)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = KindOf(type, asp);
            if (kind == EndpointKind.None)
            {
                continue;
            }

            if (AnonymousEndpoints(type, kind, asp).Count > 0)
            {
                return EndpointPresence.Anonymous;
            }

            presence = EndpointPresence.Authorized;
        }

        return presence;
    }

    /// <summary>
    /// Whether a class that can be an endpoint type (it names a base type, or a "…Controller") is written with
    /// <c>[AllowAnonymous]</c> on itself or on one of its methods — read from the syntax trees, nothing bound. Then the
    /// symbol-start registration is taken without <see cref="EndpointsIn"/>: that search binds the base lists and
    /// attributes of the first types it judges inside this rule's compilation-start callback, before the compiler has
    /// bound them (0.1–0.2 s of the rule's time on the benchmark service, benchmarks/README.md "Analyzers, fourth pass").
    /// The symbol-start registration judges every compilation exactly as the others do — a compilation without an
    /// anonymous endpoint gets the same findings from it, only at the price of the driver's per-symbol state — so text
    /// that merely looks like ASP.NET Core's attribute can cost time, never a finding. The converse is not read from
    /// syntax: an attribute of another name that implements IAllowAnonymous, or one on a base class in a referenced
    /// assembly, is only found by binding, so without such text <see cref="EndpointsIn"/> decides as before.
    /// </summary>
    private static bool WritesAnonymousEndpoint(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit && WritesAnonymousEndpoint(unit.Members))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WritesAnonymousEndpoint(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax space when WritesAnonymousEndpoint(space.Members):
                    return true;
                case ClassDeclarationSyntax type when MayBeEndpointDeclaration(type) && WritesAllowAnonymous(type):
                    return true;
                case TypeDeclarationSyntax type when WritesAnonymousEndpoint(type.Members):
                    return true;
            }
        }

        return false;
    }

    private static bool MayBeEndpointDeclaration(ClassDeclarationSyntax type) =>
        !type.Modifiers.Any(SyntaxKind.StaticKeyword) &&
        (type.BaseList != null || type.Identifier.ValueText.EndsWith("Controller", System.StringComparison.Ordinal));

    private static bool WritesAllowAnonymous(ClassDeclarationSyntax type) =>
        WritesAttribute(type, name => name == "AllowAnonymous" || name == "AllowAnonymousAttribute");

    /// <summary>Whether the type or one of its methods is written with an attribute whose name contains "Anonymous".</summary>
    private static bool WritesAnonymousAttribute(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration &&
                WritesAttribute(declaration, name => name?.IndexOf("Anonymous", System.StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the declaration or one of its methods is written with an attribute whose name is <paramref name="named"/>.</summary>
    private static bool WritesAttribute(TypeDeclarationSyntax declaration, System.Func<string?, bool> named)
    {
        if (Names(declaration.AttributeLists, named))
        {
            return true;
        }

        foreach (var member in declaration.Members)
        {
            if (member is MethodDeclarationSyntax method && Names(method.AttributeLists, named))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(SyntaxList<AttributeListSyntax> lists, System.Func<string?, bool> named)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (named(SyntaxFilters.NameOf(attribute.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <see cref="KindOf"/> can find an endpoint type here, read from the declarations alone. This runs at
    /// compilation start, before the compiler has bound any base type, so asking a type for its base type there binds
    /// its base list inside this rule's callback (benchmarks/README.md, "Analyzers, third pass"). A class whose
    /// declarations name no base type derives from object, and then only a POCO controller's name can make it an
    /// endpoint type: exactly KindOf's test, without binding.
    /// </summary>
    private static bool MayBeEndpointType(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.Name.EndsWith("Controller", System.StringComparison.Ordinal))
        {
            return type.TypeKind == TypeKind.Class && !type.IsStatic;
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not BaseTypeDeclarationSyntax declaration || declaration.BaseList is { Types.Count: > 0 })
            {
                return true; // a base list names a class, or only interfaces: binding tells which
            }
        }

        return false;
    }
}

using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// A string property every implementation of which returns text spelled in literals — the repository base class's
/// <c>protected abstract string TableName { get; }</c> with <c>protected override string TableName =&gt; "Users";</c> in
/// each repository, <c>protected virtual string Schema =&gt; "dbo";</c>, <c>private string Columns { get; } = "Id, Name";</c>:
/// names written in code, as a <c>const</c> is. Every implementation counts: the property itself unless abstract, and
/// each override in the compilation (found by name through the compilation's declarations, read from their syntax —
/// another file's semantic model is out of reach, RS1030). A property with a setter (also <c>init</c>) can be given
/// anything, and an auto-property a constructor assigns holds what the constructor was given: neither counts.
/// </summary>
internal static class ConstantProperties
{
    public static bool ReturnsOnlyLiterals(IPropertySymbol property, Compilation compilation, CancellationToken cancellationToken)
    {
        if (property.IsIndexer || property.Type.SpecialType != SpecialType.System_String || property.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        var root = property.OriginalDefinition;
        while (root.OverriddenProperty is { } overridden)
        {
            root = overridden.OriginalDefinition;
        }

        if (!root.IsVirtual && !root.IsAbstract && !root.IsOverride)
        {
            return LiteralProperty(root, cancellationToken); // sealed by nature: its own body is all there is
        }

        var implementations = 0;
        foreach (var candidate in compilation.GetSymbolsWithName(root.Name, SymbolFilter.Member, cancellationToken).OfType<IPropertySymbol>())
        {
            if (!Implements(candidate, root) || candidate.IsAbstract)
            {
                continue;
            }

            if (!LiteralProperty(candidate, cancellationToken))
            {
                return false;
            }

            implementations++;
        }

        return implementations > 0;
    }

    private static bool Implements(IPropertySymbol candidate, IPropertySymbol root)
    {
        for (var current = candidate; current != null; current = current.OverriddenProperty?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, root))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LiteralProperty(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (property.SetMethod != null || property.DeclaringSyntaxReferences.Length != 1 ||
            property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
        {
            return false;
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            return WriteConstants.LiteralText(arrow.Expression) != null;
        }

        if (declaration.AccessorList?.Accessors is not { Count: 1 } accessors || !accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration))
        {
            return false;
        }

        var getter = accessors[0];
        if (getter.ExpressionBody is { } getterArrow)
        {
            return WriteConstants.LiteralText(getterArrow.Expression) != null;
        }

        if (getter.Body is { } body)
        {
            return body.Statements.Count == 1 && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } && WriteConstants.LiteralText(returned) != null;
        }

        // { get; } = "…": an auto-property no constructor assigns.
        return declaration.Initializer is { } initializer && WriteConstants.LiteralText(initializer.Value) != null &&
            !AssignedInConstructors(declaration, property.Name);
    }

    private static bool AssignedInConstructors(PropertyDeclarationSyntax declaration, string name) =>
        declaration.Parent is TypeDeclarationSyntax type &&
        type.Members.OfType<ConstructorDeclarationSyntax>().Any(constructor => constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
            assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
                _ => false,
            }));
}

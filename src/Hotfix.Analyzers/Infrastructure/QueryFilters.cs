using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// The entity types whose global query filter scopes every query to something the context holds — the tenant, the
/// signed-in user (<c>HasQueryFilter(i =&gt; i.TenantId == tenantId)</c>, a field or property of the context or the
/// configuration): EF Core applies such a filter to <c>ExecuteDelete</c>/<c>ExecuteUpdate</c> too, so a bulk write
/// without <c>Where</c> on them touches the tenant's rows, not the table. A filter on the entity's own columns alone
/// (<c>e =&gt; !e.IsDeleted</c>) scopes nothing: every live row is still every row. Read from the syntax of the
/// compilation's <c>HasQueryFilter</c> calls (other files' semantic models are out of reach, RS1030) — on
/// <c>Entity&lt;T&gt;()</c> or in an <c>IEntityTypeConfiguration&lt;T&gt;</c> —, once, and only when a bulk write
/// without a filter asks. Filters applied by reflection over every entity type are not seen.
/// </summary>
internal sealed class QueryFilters
{
    private readonly CompilationNames scoped;

    public QueryFilters(Compilation compilation, CancellationToken cancellationToken) =>
        scoped = new CompilationNames(compilation, text => text.IndexOf("HasQueryFilter", StringComparison.Ordinal) >= 0, Find, cancellationToken);

    /// <summary>Whether <paramref name="entity"/>'s query filter scopes it to something the context holds.</summary>
    public bool ScopesEveryQuery(ITypeSymbol entity) => scoped.Contains(entity.Name);

    /// <summary>The entities one file's <c>HasQueryFilter</c> calls scope.</summary>
    private static IEnumerable<string> Find(SyntaxNode root)
    {
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxFilters.InvokedName(call) == "HasQueryFilter" &&
                call.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().FirstOrDefault() is { } filter &&
                EntityOf(call) is { } entity && ReadsWhatTheContextHolds(filter))
            {
                yield return entity;
            }
        }
    }

    /// <summary><c>modelBuilder.Entity&lt;Item&gt;()…HasQueryFilter</c>, or <c>builder.HasQueryFilter</c> in an <c>IEntityTypeConfiguration&lt;Item&gt;</c>.</summary>
    private static string? EntityOf(InvocationExpressionSyntax call)
    {
        for (var current = (call.Expression as MemberAccessExpressionSyntax)?.Expression; current != null;)
        {
            if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entity", TypeArgumentList.Arguments: { Count: 1 } arguments } } })
            {
                return SyntaxFilters.NameOf(arguments[0]);
            }

            current = current switch
            {
                InvocationExpressionSyntax invocation => invocation.Expression,
                MemberAccessExpressionSyntax member => member.Expression,
                _ => null,
            };
        }

        var configuration = call.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.BaseList?.Types
            .Select(t => t.Type).OfType<GenericNameSyntax>()
            .FirstOrDefault(g => g.Identifier.ValueText == "IEntityTypeConfiguration" && g.TypeArgumentList.Arguments.Count == 1);
        return configuration == null ? null : SyntaxFilters.NameOf(configuration.TypeArgumentList.Arguments[0]);
    }

    /// <summary>
    /// The filter's body names a value besides the entity's own members: a bare name (<c>TenantId</c>, <c>_userId</c>), a
    /// member of <c>this</c>, or a member of a lower-case name (<c>_tenant.Id</c>, <c>provider.TenantId</c>). A capitalised
    /// name before a dot is taken for a type (<c>Status.Active</c>, <c>DateTime.UtcNow</c>).
    /// </summary>
    private static bool ReadsWhatTheContextHolds(LambdaExpressionSyntax filter)
    {
        var entity = filter switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        // The entity and the parameters of lambdas inside the filter (e.Tags.Any(t => t.Name == "x")) are the entity's.
        var own = new HashSet<string>(filter.Body.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText), StringComparer.Ordinal);
        if (entity != null)
        {
            own.Add(entity);
        }

        foreach (var name in filter.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var text = name.Identifier.ValueText;
            if (own.Contains(text) || text.Length == 0 || name.Ancestors().Any(a => a is TypeArgumentListSyntax) ||
                name.Parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                continue;
            }

            var counts = name.Parent switch
            {
                MemberAccessExpressionSyntax member when member.Name == name => member.Expression is ThisExpressionSyntax,
                MemberAccessExpressionSyntax member when member.Expression == name => text[0] == '_' || char.IsLower(text[0]),
                InvocationExpressionSyntax invocation when invocation.Expression == name => false,
                _ => true,
            };
            if (counts)
            {
                return true;
            }
        }

        return false;
    }
}

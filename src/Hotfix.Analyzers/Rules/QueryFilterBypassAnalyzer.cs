using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3003: <c>IgnoreQueryFilters()</c> switches off the model's global query filters — in most models the tenant and
/// soft-delete filters — so the query can return rows its caller must not see. Named filters (EF Core 10) are
/// reported with their names: ignoring only the soft-delete filter is a different review question from ignoring all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryFilterBypassAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.QueryFiltersBypassed,
        HotfixDescriptors.Title(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.Message("{0} switches off {1}: the query can return {2}"),
        RuleCategory.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.HelpLink(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var ef = EfCoreSymbols.Create(start.Compilation);
        if (ef.QueryableExtensions == null)
        {
            return;
        }

        start.RegisterSyntaxNodeAction(
            c =>
            {
                if (SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node) != "IgnoreQueryFilters" ||
                    c.SymbolOf<IMethodSymbol>() is not { } method || !ef.IsEfQueryExtension(method) ||
                    c.OperationOf<IInvocationOperation>() is not { } invocation)
                {
                    return;
                }

                var names = invocation.Arguments.Where(a => a.Parameter?.Ordinal > 0 && !a.IsImplicit).ToArray();
                // Only ignoring every filter is known to drop the tenant and soft-delete filters together; a named filter
                // hides what its definition says, which the reviewer reads there.
                var (what, exposed) = names.Length == 0
                    ? ("every global query filter", "other tenants' or deleted rows")
                    : ("the query filters " + string.Join(", ", names.Select(a => a.Value.Syntax.ToString())), "the rows those filters hide");
                scope.Report(c.ReportDiagnostic, Rule, SyntaxLocations.NameOf(invocation), c.Node, messageArgs: new object?[] { "IgnoreQueryFilters()", what, exposed });
            },
            SyntaxKind.InvocationExpression);
    }
}

using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3003: <c>IgnoreQueryFilters()</c> switches off the model's global query filters — in most models the tenant and
/// soft-delete filters — so the query can return rows its caller must not see. Named filters (EF Core 10) are
/// reported with their names: ignoring only the soft-delete filter is a different review question from ignoring all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryFilterBypassAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.QueryFiltersBypassed,
        HotfixDescriptors.Title(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.Message("{0} switches off {1}: the query can return other tenants' or deleted rows"),
        RuleCategory.Security,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.HelpLink(RuleIds.QueryFiltersBypassed),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var ef = EfCoreSymbols.Create(start.Compilation);
            if (ef.QueryableExtensions == null)
            {
                return;
            }

            var scope = HotfixScope.Create(start.Options, start.CancellationToken);
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name != "IgnoreQueryFilters" || !ef.IsEfQueryExtension(invocation.TargetMethod))
                    {
                        return;
                    }

                    var names = invocation.Arguments.Where(a => a.Parameter?.Ordinal > 0 && !a.IsImplicit).ToArray();
                    var what = names.Length == 0
                        ? "every global query filter"
                        : "the query filters " + string.Join(", ", names.Select(a => a.Value.Syntax.ToString()));
                    scope.Report(c.ReportDiagnostic, Rule, SyntaxLocations.NameOf(invocation), invocation.Syntax, messageArgs: new object?[] { "IgnoreQueryFilters()", what });
                },
                OperationKind.Invocation);
        });
    }
}

using System.Collections.Immutable;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3001: SQL built from non-constant strings reaches a raw SQL API. One rule over the union of the anchors' sinks
/// (EF Core raw methods, EF6, ADO.NET command text by interface/base type, Dapper) and shapes (concatenation,
/// interpolation, string.Format/Concat/Join, StringBuilder, through locals), with the safe shapes their users keep
/// reporting as false positives left alone (see <see cref="SqlText"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : HotfixAnalyzer
{
    /// <summary>Diagnostic property naming the parameterised EF method the code fix may switch to.</summary>
    public const string ParameterisedMethodProperty = "ParameterisedMethod";

    /// <summary>.editorconfig: methods whose result is safe to splice (identifier quoting, allow-list lookups).</summary>
    public const string SanitizerMethodsOption = "hotfix.HF3001.sanitizer_methods";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SqlFromNonConstantString,
        HotfixDescriptors.Title(RuleIds.SqlFromNonConstantString),
        HotfixDescriptors.Message("'{0}' receives SQL built from the non-constant value '{1}': pass the value as a parameter"),
        RuleCategory.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.SqlFromNonConstantString),
        HotfixDescriptors.HelpLink(RuleIds.SqlFromNonConstantString),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var sql = SqlSymbols.Create(start.Compilation);
        if (!sql.IsAvailable)
        {
            return;
        }

        var overloads = ParameterisedOverloads.Create(sql);
        SqlSinkActions.Register(start, sql, SqlSyntax.MayCarryBuiltSql, (c, sink, operation) => Analyze(c, sink, operation, sql, scope, overloads));
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SqlSink sink, IOperation operation, SqlSymbols sql, HotfixScope scope, ParameterisedOverloads overloads)
    {
        if (sink.Kind == SqlSinkKind.Parameterised)
        {
            return; // FromSql/ExecuteSql/…Interpolated turn every hole into a DbParameter (SCS #167's false positive)
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree);
        var sanitizers = ConfigList.Read(options, SanitizerMethodsOption);
        var text = new SqlText(sql, m => ConfigList.Matches(sanitizers, m), context.CancellationToken);
        var verdict = text.Judge(sink.Value);
        if (operation is ICompoundAssignmentOperation && verdict.Origin == SqlOrigin.Opaque)
        {
            verdict = SqlTextVerdict.Built(sink.Value.WithoutConversions()); // CommandText += value
        }

        if (verdict.Origin != SqlOrigin.Built || verdict.Piece == null)
        {
            return;
        }

        var parameterisedMethod = operation is IInvocationOperation invocation ? overloads.For(invocation, sink) : null;
        var properties = parameterisedMethod != null
            ? ImmutableDictionary<string, string?>.Empty.Add(ParameterisedMethodProperty, parameterisedMethod)
            : null;
        scope.Report(
            context.ReportDiagnostic,
            Rule,
            sink.Location,
            context.Node,
            properties: properties,
            messageArgs: new object?[] { sink.Api, Describe(verdict.Piece) });
    }

    /// <summary>The non-constant piece as the reader wrote it, on one line and short enough for a build log.</summary>
    private static string Describe(IOperation piece)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(piece.Syntax.ToString(), @"\s+", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}

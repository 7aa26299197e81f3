using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var sql = SqlSymbols.Create(start.Compilation);
        if (!sql.IsAvailable)
        {
            return;
        }

        var overloads = ParameterisedOverloads.Create(sql);
        SqlSinkActions.Register(start, sql, SqlSyntax.MayCarryBuiltSql, (c, sink, operation) => Analyze(c, sink, operation, sql, scope, overloads));
        var wrappers = SqlWrappers.For(start.Compilation);
        start.RegisterSyntaxNodeAction(c => AnalyzeHelperCall(c, sql, scope, wrappers), SyntaxKind.InvocationExpression);
    }

    private static SqlText TextReader(SyntaxNodeAnalysisContext context, SqlSymbols sql)
    {
        // The sanitiser list is read only when a call's result is spliced in; most sinks never ask.
        IReadOnlyList<string>? sanitizers = null;
        var tree = context.Node.SyntaxTree;
        return new SqlText(
            sql,
            m => ConfigList.Matches(sanitizers ??= ConfigList.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), SanitizerMethodsOption), m),
            context.CancellationToken);
    }

    /// <summary>
    /// A call of a helper of the project that runs its parameter as SQL (<see cref="SqlWrappers"/>), given SQL built
    /// from a non-constant value: reported at the call, naming the helper and the API it ends in.
    /// </summary>
    private static void AnalyzeHelperCall(SyntaxNodeAnalysisContext context, SqlSymbols sql, HotfixScope scope, SqlWrappers wrappers)
    {
        var call = (InvocationExpressionSyntax)context.Node;
        if (!SqlSyntax.MayPassBuiltSql(call))
        {
            return;
        }

        foreach (var (argument, api) in wrappers.SqlArguments(context, SqlSyntax.MayBeBuiltSql))
        {
            var verdict = TextReader(context, sql).Judge(argument.Value);
            if (verdict.Origin != SqlOrigin.Built || verdict.Piece == null)
            {
                continue;
            }

            var piece = verdict.Piece;
            var location = call.Expression is MemberAccessExpressionSyntax member ? member.Name.GetLocation() : call.Expression.GetLocation();
            scope.Report(
                context.ReportDiagnostic,
                Rule,
                location,
                () => new object?[] { api, Describe(piece) },
                context.Node);
            return;
        }
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SqlSink sink, IOperation operation, SqlSymbols sql, HotfixScope scope, ParameterisedOverloads overloads)
    {
        if (sink.Kind == SqlSinkKind.Parameterised)
        {
            return; // FromSql/ExecuteSql/…Interpolated turn every hole into a DbParameter (SCS #167's false positive)
        }

        var verdict = TextReader(context, sql).Judge(sink.Value);
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
        var piece = verdict.Piece;
        var api = sink.Api;
        scope.Report(
            context.ReportDiagnostic,
            Rule,
            sink.Location,
            () => new object?[] { api, Describe(piece) },
            context.Node,
            properties: properties);
    }

    /// <summary>
    /// The non-constant piece as the reader wrote it, on one line (every run of white space one blank, as the regular
    /// expression <c>\s+</c> would have it) and short enough for a build log; built only for a finding being reported.
    /// </summary>
    private static string Describe(IOperation piece)
    {
        var written = piece.Syntax.ToString();
        var text = new StringBuilder(Math.Min(written.Length, 64));
        var inSpace = false;
        foreach (var c in written)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                text.Append(' ');
                inSpace = false;
            }

            text.Append(c);
        }

        if (inSpace)
        {
            text.Append(' ');
        }

        return text.Length <= 60 ? text.ToString() : text.ToString(0, 57) + "...";
    }
}

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
public sealed class SqlInjectionAnalyzer : DiagnosticAnalyzer
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

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sql = SqlSymbols.Create(start.Compilation);
            if (!sql.IsAvailable)
            {
                return;
            }

            var scope = HotfixScope.Create(start.Options, start.CancellationToken);
            var overloads = ParameterisedOverloads.Create(sql);
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (SqlSinks.IsCandidateMethodName(invocation.TargetMethod.Name) && SqlSinks.TryGet(invocation, sql, out var sink))
                    {
                        Analyze(c, sink, sql, scope, compound: false, overloads.For(invocation, sink));
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Type != null && SqlSinks.IsCandidateTypeName(creation.Type.Name) && SqlSinks.TryGet(creation, sql, out var sink))
                    {
                        Analyze(c, sink, sql, scope, compound: false, parameterisedMethod: null);
                    }
                },
                OperationKind.ObjectCreation);
            start.RegisterOperationAction(
                c =>
                {
                    var assignment = (IAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" } && SqlSinks.TryGet(assignment, sql, out var sink))
                    {
                        Analyze(c, sink, sql, scope, compound: assignment is ICompoundAssignmentOperation, parameterisedMethod: null);
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SqlSink sink, SqlSymbols sql, HotfixScope scope, bool compound, string? parameterisedMethod)
    {
        if (sink.Kind == SqlSinkKind.Parameterised)
        {
            return; // FromSql/ExecuteSql/…Interpolated turn every hole into a DbParameter (SCS #167's false positive)
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree);
        var sanitizers = ConfigList.Read(options, SanitizerMethodsOption);
        var text = new SqlText(sql, m => ConfigList.Matches(sanitizers, m), context.CancellationToken);
        var verdict = text.Judge(sink.Value);
        if (compound && verdict.Origin == SqlOrigin.Opaque)
        {
            verdict = SqlTextVerdict.Built(sink.Value.WithoutConversions()); // CommandText += value
        }

        if (verdict.Origin != SqlOrigin.Built || verdict.Piece == null)
        {
            return;
        }

        var properties = parameterisedMethod != null
            ? ImmutableDictionary<string, string?>.Empty.Add(ParameterisedMethodProperty, parameterisedMethod)
            : null;
        scope.Report(
            context.ReportDiagnostic,
            Rule,
            sink.Location,
            context.Operation.Syntax,
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

using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FloorProbe;

#if !PROBE_SYNTAX10 && !PROBE_REPORT && !PROBE_REPORTGENERATED && !PROBE_REPORTBOUND
/// <summary>Subscribes to one kind of event and does nothing: what the compiler charges for the subscription alone.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE1", "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    // HF3002's eleven ASP.NET Core look-ups (AspNetCoreSymbols): the Lookup probes time them at compilation start and
    // in the first syntax callback.
    private static readonly string[] TypeNames =
    {
        "Microsoft.AspNetCore.Authorization.IAllowAnonymous", "Microsoft.AspNetCore.Authorization.IAuthorizeData",
        "Microsoft.AspNetCore.Mvc.ControllerBase", "Microsoft.AspNetCore.Mvc.ControllerAttribute",
        "Microsoft.AspNetCore.Mvc.NonControllerAttribute", "Microsoft.AspNetCore.Mvc.NonActionAttribute",
        "Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute", "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
        "Microsoft.AspNetCore.SignalR.Hub", "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions",
        "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        // The same configuration as every HF rule (HotfixAnalyzer): no generated code, concurrent callbacks.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
#if PROBE_SYNTAX
        context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
#elif PROBE_LOOKUP
        context.RegisterCompilationStartAction(start =>
        {
            Resolve(start.Compilation);
            start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
        });
#elif PROBE_LOOKUPLATE
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var resolved = new System.Lazy<int>(() => Resolve(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSyntaxNodeAction(c => { if (resolved.Value < 0) c.ReportDiagnostic(Diagnostic.Create(Rule, c.Node.GetLocation())); }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
        });
#else
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
#endif
    }

    private static int Resolve(Compilation compilation)
    {
        var found = 0;
        foreach (var name in TypeNames)
        {
            found += compilation.GetTypesByMetadataName(name).Length;
        }

        return found;
    }
}
#endif

#if PROBE_SYNTAX10
/// <summary>
/// Ten analyzers registered the way the HF rules are (compilation start, then one empty syntax-node action each): what
/// the driver charges per analyzer class, against <c>floor-syntax</c>'s one.
/// </summary>
public abstract class RuleShapedProbe : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor rule;

    protected RuleShapedProbe(int index) =>
        rule = new("PROBE1" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
            start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression));
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe0 : RuleShapedProbe { public Probe0() : base(0) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe1 : RuleShapedProbe { public Probe1() : base(1) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe2 : RuleShapedProbe { public Probe2() : base(2) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe3 : RuleShapedProbe { public Probe3() : base(3) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe4 : RuleShapedProbe { public Probe4() : base(4) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe5 : RuleShapedProbe { public Probe5() : base(5) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe6 : RuleShapedProbe { public Probe6() : base(6) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe7 : RuleShapedProbe { public Probe7() : base(7) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe8 : RuleShapedProbe { public Probe8() : base(8) { } }
[DiagnosticAnalyzer(LanguageNames.CSharp)] public sealed class Probe9 : RuleShapedProbe { public Probe9() : base(9) { } }
#endif

#if PROBE_REPORT || PROBE_REPORTGENERATED || PROBE_REPORTBOUND
/// <summary>
/// Reports the findings Hotfix.Analyzers reports on the sink-dense shape — 4,000 like HF3001's, 1,000 like HF4001's,
/// 1,000 like HF4003's, at the same places with messages as distinct — but finds them from syntax alone, without
/// binding: what the compiler charges any analyzer for reporting that many findings, the floor of a rule that must
/// report them. The ReportGenerated kind lets its findings stand in generated code, so that the driver does not test
/// where each one lies (the per-tree walk for <c>[GeneratedCode]</c> on a tree's first finding). The ReportBound kind
/// does the same and, before each finding, asks the semantic model for the call's or assignment's IOperation (which
/// binds the member and builds its operation tree, as GetOperation does for any rule that judges values by IOperation
/// from a syntax action) and reports only when the operation names a method or property: the floor of an IOperation
/// rule that must report these findings.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReportProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Sql = new("PROBE3001", "probe", "'{0}' receives SQL built from the non-constant value '{1}'", "Probe", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor Loop = new("PROBE4001", "probe", "'{0}' queries the database on every iteration of the loop (N+1)", "Probe", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor Blocking = new("PROBE4003", "probe", "'{0}' blocks a thread in the async method '{1}'", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Sql, Loop, Blocking);

    public override void Initialize(AnalysisContext context)
    {
#if PROBE_REPORTGENERATED || PROBE_REPORTBOUND
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
#else
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
#endif
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(OnInvocation, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(OnAssignment, Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression, Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddAssignmentExpression);
    }

    private static void OnInvocation(SyntaxNodeAnalysisContext context)
    {
        var invocation = (Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)context.Node;
        if (invocation.Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access)
        {
            return;
        }

        var name = access.Name.Identifier.ValueText;
        if (!IsReported(name, invocation) || !Binds(context, invocation))
        {
            return;
        }

        // IsReported has already applied each case's condition.
        var location = access.Name.GetLocation();
        switch (name)
        {
            case "FromSqlRaw" or "SqlQueryRaw" or "ExecuteSqlRawAsync":
                context.ReportDiagnostic(Diagnostic.Create(Sql, location, name, invocation.ArgumentList.Arguments[0].ToString()));
                break;
            case "Find":
                context.ReportDiagnostic(Diagnostic.Create(Loop, location, name));
                context.ReportDiagnostic(Diagnostic.Create(Blocking, location, name, EnclosingMethod(invocation)));
                break;
            case "SaveChanges":
                context.ReportDiagnostic(Diagnostic.Create(Blocking, location, name, EnclosingMethod(invocation)));
                break;
            case "ExecuteNonQuery":
                context.ReportDiagnostic(Diagnostic.Create(Loop, location, name));
                break;
        }
    }

    private static void OnAssignment(SyntaxNodeAnalysisContext context)
    {
        var assignment = (Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax)context.Node;
        if (assignment.Left is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } access
            && assignment.Right is not Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax
            && Binds(context, assignment))
        {
            context.ReportDiagnostic(Diagnostic.Create(Sql, access.Name.GetLocation(), "DbCommand.CommandText", assignment.Right.ToString()));
        }
    }

    private static bool IsReported(string name, Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation) => name switch
    {
        "FromSqlRaw" or "SqlQueryRaw" or "ExecuteSqlRawAsync" => invocation.ArgumentList.Arguments.Count > 0,
        "Find" or "SaveChanges" => true,
        "ExecuteNonQuery" => InLoop(invocation),
        _ => false,
    };

#if PROBE_REPORTBOUND
    private static bool Binds(SyntaxNodeAnalysisContext context, SyntaxNode node) =>
        context.SemanticModel.GetOperation(node, context.CancellationToken) switch
        {
            Microsoft.CodeAnalysis.Operations.IInvocationOperation call => call.TargetMethod.ContainingType != null,
            Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation { Target: Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation property } => property.Property.ContainingType != null,
            Microsoft.CodeAnalysis.Operations.ICompoundAssignmentOperation { Target: Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation property } => property.Property.ContainingType != null,
            _ => false,
        };
#else
    private static bool Binds(SyntaxNodeAnalysisContext context, SyntaxNode node) => true;
#endif

    private static string EnclosingMethod(SyntaxNode node)
    {
        for (var current = node.Parent; current != null; current = current.Parent)
        {
            if (current is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method)
            {
                return method.Identifier.ValueText;
            }
        }

        return "";
    }

    private static bool InLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null and not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
#endif

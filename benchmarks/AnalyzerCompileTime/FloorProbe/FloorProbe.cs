using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FloorProbe;

#if !PROBE_SYNTAX10
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

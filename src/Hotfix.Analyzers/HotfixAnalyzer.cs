using Hotfix.Analyzers.Escalation;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers;

/// <summary>
/// What every HF analyzer does the same way: no generated code (a hotfix does not edit it), concurrent execution, and
/// all work set up once per compilation — the rule resolves its symbols in <see cref="Start"/>, returns early when the
/// libraries it knows are not referenced, and reports through the compilation's <see cref="HotfixScope"/>.
/// </summary>
public abstract class HotfixAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => Start(start, HotfixScope.Create(start.Options, start.CancellationToken)));
    }

    /// <summary>Resolves the rule's symbols for this compilation and registers its (name-filtered) actions.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, HotfixScope scope);
}

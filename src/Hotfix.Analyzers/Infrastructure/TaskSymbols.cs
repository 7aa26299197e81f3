using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>Task, ValueTask and their awaiters, resolved once per compilation.</summary>
internal sealed class TaskSymbols
{
    private readonly INamedTypeSymbol? task;
    private readonly INamedTypeSymbol? taskOfT;
    private readonly INamedTypeSymbol? valueTask;
    private readonly INamedTypeSymbol? valueTaskOfT;

    private TaskSymbols(Compilation compilation)
    {
        task = compilation.GetBestType("System.Threading.Tasks.Task");
        taskOfT = compilation.GetBestType("System.Threading.Tasks.Task`1");
        valueTask = compilation.GetBestType("System.Threading.Tasks.ValueTask");
        valueTaskOfT = compilation.GetBestType("System.Threading.Tasks.ValueTask`1");
    }

    public static TaskSymbols Create(Compilation compilation) => new(compilation);

    public bool IsTask(ITypeSymbol? type) =>
        type.IsOrDerivesFrom(task) || type.IsType(taskOfT) || type.IsType(valueTask) || type.IsType(valueTaskOfT);

    /// <summary>The awaiters of Task/ValueTask (plain and ConfigureAwait'ed): TaskAwaiter, ConfiguredValueTaskAwaiter…</summary>
    public bool IsAwaiter(ITypeSymbol? type) =>
        type != null && type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal) &&
        type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices" &&
        (type.Name.Contains("TaskAwaiter") || type.ContainingType?.Name.Contains("Task") == true);
}

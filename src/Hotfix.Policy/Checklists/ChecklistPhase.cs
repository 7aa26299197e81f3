using System.Diagnostics.CodeAnalysis;

namespace Hotfix.Policy.Checklists;

/// <summary>The parts of HOTFIX:DEPLOYMENT_CHECKLIST.</summary>
public enum ChecklistPhase
{
    /// <summary>PRE_DEPLOY.</summary>
    Pre,

    /// <summary>DEPLOY.</summary>
    Deploy,

    /// <summary>POST_DEPLOY.</summary>
    Post,
}

internal static class ChecklistPhases
{
    public const string ExpectedForm = "one of pre, deploy, post";

    public static IReadOnlyList<ChecklistPhase> All { get; } = [ChecklistPhase.Pre, ChecklistPhase.Deploy, ChecklistPhase.Post];

    public static string Name(this ChecklistPhase phase) => phase switch
    {
        ChecklistPhase.Pre => "pre",
        ChecklistPhase.Deploy => "deploy",
        _ => "post",
    };

    /// <summary>The runbook's heading: PRE_DEPLOY, DEPLOY, POST_DEPLOY.</summary>
    public static string RunbookName(this ChecklistPhase phase) => phase switch
    {
        ChecklistPhase.Pre => "PRE_DEPLOY",
        ChecklistPhase.Deploy => "DEPLOY",
        _ => "POST_DEPLOY",
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out ChecklistPhase phase)
    {
        var index = All.Select(Name).ToList().IndexOf(text?.ToLowerInvariant() ?? string.Empty);
        phase = index < 0 ? default : All[index];
        return index >= 0;
    }
}

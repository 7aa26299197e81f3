namespace Hotfix.Policy.Workflow;

/// <summary>One step of a workflow plan: what it does, and the git command a person would type for it (as in the runbook).</summary>
/// <param name="Description">What the step does, for people.</param>
/// <param name="Commands">The equivalent git commands, quoted for a POSIX shell.</param>
/// <param name="Done">True when the repository shows the step is already done (a resumed finish skips it).</param>
internal sealed record PlanStep(string Description, IReadOnlyList<string> Commands, bool Done = false);

namespace Hotfix.Policy.Decisions;

/// <summary>The answers of ROLLBACK_VS_FORWARD_FIX, spelled as the CLI and the JSON print them.</summary>
internal static class RollbackDecisions
{
    /// <summary>Roll back the deploy that caused the incident.</summary>
    public const string Rollback = "rollback";

    /// <summary>"rollback all recent deploys".</summary>
    public const string RollbackAll = "rollback-all";

    /// <summary>Fix forward on a hotfix branch; no rollback.</summary>
    public const string ForwardFix = "forward-fix";

    /// <summary>The detail of a forward-fix when "rollback would break data migrations already applied".</summary>
    public const string ForwardFixWithMigrationFix = "forward-fix-with-migration-fix";

    public const string ExpectedForm = "one of rollback, rollback-all, forward-fix";

    public static IReadOnlyList<string> All { get; } = [Rollback, RollbackAll, ForwardFix];

    public static bool IsValid(string? decision) => decision is Rollback or RollbackAll or ForwardFix;

    /// <summary>True for both kinds of rollback.</summary>
    public static bool IsRollback(string decision) => decision is Rollback or RollbackAll;
}

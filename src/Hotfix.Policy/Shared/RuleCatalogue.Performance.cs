using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF4001: a database query executes once per loop iteration (N+1).</summary>
    public const string QueryInLoop = "HF4001";

    /// <summary>HF4002: SaveChanges(Async) inside a loop: one round trip and transaction per iteration.</summary>
    public const string SaveChangesInLoop = "HF4002";

    /// <summary>HF4003: an async method blocks on a task or runs a synchronous EF Core query (sync-over-async).</summary>
    public const string SyncOverAsync = "HF4003";

    /// <summary>HF4004: a migration adds a foreign key (or reference column) that no index starts with.</summary>
    public const string MissingForeignKeyIndex = "HF4004";
}

static partial class RuleCatalogue
{
    private const string PerformanceQuestion = "Are there any obvious performance regressions? (N+1 queries, missing indexes)";

    static partial void AddPerformance(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.QueryInLoop,
            "Query in a loop (N+1)",
            RuleCategory.Performance,
            FindingSeverity.Error,
            "An EF Core query (materialiser, Find, aggregate, explicit Load) or a Dapper / ADO.NET command executes inside " +
            "a for/foreach/while loop: one database round trip per item.",
            PerformanceQuestion));
        rules.Add(new RuleDescriptor(
            RuleIds.SaveChangesInLoop,
            "SaveChanges in a loop",
            RuleCategory.Performance,
            FindingSeverity.Error,
            "SaveChanges/SaveChangesAsync inside a loop: one round trip and one transaction per item instead of one batch, " +
            "and a partial write when an iteration fails.",
            PerformanceQuestion));
        rules.Add(new RuleDescriptor(
            RuleIds.SyncOverAsync,
            "Sync-over-async on a request path",
            RuleCategory.Performance,
            FindingSeverity.Error,
            "An async method blocks a thread: .Result, .Wait(), GetAwaiter().GetResult(), or a synchronous EF Core query " +
            "or SaveChanges where the async twin exists — thread-pool starvation under load.",
            PerformanceQuestion));
        rules.Add(new RuleDescriptor(
            RuleIds.MissingForeignKeyIndex,
            "Foreign key without an index",
            RuleCategory.Performance,
            FindingSeverity.Warning,
            "A migration adds a foreign key or reference column and no index starts with that column, on a database that " +
            "does not create one itself (PostgreSQL, SQL Server, SQLite, Oracle): every join to the parent, and every delete " +
            "or key update of a parent row, scans the child table.",
            PerformanceQuestion));
    }
}

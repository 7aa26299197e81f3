using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

public static partial class RuleIds
{
    /// <summary>HF2009: a bulk DELETE/UPDATE with no WHERE (ExecuteDelete/ExecuteUpdate or raw SQL) writes every row.</summary>
    public const string UnboundedBulkWrite = "HF2009";
}

public static partial class RuleCatalogue
{
    static partial void AddDataIntegrity(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.UnboundedBulkWrite,
            "Unbounded bulk write",
            RuleCategory.DataIntegrity,
            FindingSeverity.Error,
            "ExecuteDelete/ExecuteUpdate on a query with no Where, or a raw DELETE/UPDATE/TRUNCATE statement without " +
            "WHERE passed to a SQL API, changes every row of the table.",
            "Does it affect data integrity? (migrations, writes, deletes)"));
    }
}

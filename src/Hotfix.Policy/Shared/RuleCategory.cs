namespace Hotfix.Policy.Rules;

/// <summary>The id blocks of the rule catalogue; the number range is part of the rule id.</summary>
static partial class RuleCategory
{
    /// <summary>HF01xx: HOTFIX:BRANCHING.</summary>
    public const string Branching = "Branching";

    /// <summary>HF11xx: "Is the change scoped tightly to the incident?"</summary>
    public const string Scope = "Scope";

    /// <summary>HF20xx: "Does it affect data integrity? (migrations, writes, deletes)".</summary>
    public const string DataIntegrity = "DataIntegrity";

    /// <summary>HF30xx: "Does it introduce any security risk? (injection, auth bypass, data exposure)".</summary>
    public const string Security = "Security";

    /// <summary>HF40xx: "Are there any obvious performance regressions? (N+1 queries, missing indexes)".</summary>
    public const string Performance = "Performance";

    /// <summary>HF50xx: review, tests, deployment and verification steps.</summary>
    public const string Process = "Process";

    /// <summary>The category a rule id belongs to, from its number block; null when the id is outside every block.</summary>
    public static string? ForId(string id)
    {
        if (id == null || id.Length != 6 || !id.StartsWith("HF", System.StringComparison.Ordinal))
        {
            return null;
        }

        switch (id.Substring(2, 2))
        {
            case "01": return Branching;
            case "11": return Scope;
            case "20": return DataIntegrity;
            case "30": return Security;
            case "40": return Performance;
            case "50": return Process;
            default: return null;
        }
    }
}

namespace Hotfix.Migrations;

/// <summary>The kinds of harm a migration step can do; each maps to one rule of the HF20xx block.</summary>
internal enum MigrationRiskCategory
{
    /// <summary>Data is lost (HF2002).</summary>
    Destructive,

    /// <summary>The version of the application still running breaks (HF2004).</summary>
    BackwardIncompatible,

    /// <summary>The table is locked or rewritten while production runs (HF2005).</summary>
    Locking,

    /// <summary>Every row of a table is changed or deleted (HF2008).</summary>
    DataRewrite,
}

/// <summary>One risk the table found for one operation: which row matched, the rule, why, and the safe alternative.</summary>
internal sealed class MigrationRisk
{
    public MigrationRisk(string rowId, string ruleId, MigrationRiskCategory category, string reason, MigrationRecipe recipe)
    {
        RowId = rowId;
        RuleId = ruleId;
        Category = category;
        Reason = reason;
        Recipe = recipe;
    }

    /// <summary>The risk-table row that matched (the explanation trace), e.g. <c>drop-column</c>.</summary>
    public string RowId { get; }

    public string RuleId { get; }

    public MigrationRiskCategory Category { get; }

    /// <summary>Why the step is risky, for people.</summary>
    public string Reason { get; }

    public MigrationRecipe Recipe { get; }

    /// <summary>The category's report name: destructive, backward-incompatible, locking, data-rewrite.</summary>
    public string CategoryName => NameOf(Category);

    public static string NameOf(MigrationRiskCategory category)
    {
        switch (category)
        {
            case MigrationRiskCategory.Destructive: return "destructive";
            case MigrationRiskCategory.BackwardIncompatible: return "backward-incompatible";
            case MigrationRiskCategory.Locking: return "locking";
            default: return "data-rewrite";
        }
    }

    public override string ToString() => RuleId + " " + RowId + ": " + Reason;
}

using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF3001: SQL built from non-constant strings reaches a raw SQL API (injection).</summary>
    public const string SqlFromNonConstantString = "HF3001";

    /// <summary>HF3002: an endpoint is made anonymous, or an [Authorize] is silently overridden (auth bypass).</summary>
    public const string AuthorizationBypass = "HF3002";

    /// <summary>HF3003: IgnoreQueryFilters() bypasses tenant / soft-delete filters (data exposure).</summary>
    public const string QueryFiltersBypassed = "HF3003";
}

static partial class RuleCatalogue
{
    private const string SecurityQuestion = "Does it introduce any security risk? (injection, auth bypass, data exposure)";

    static partial void AddSecurity(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.SqlFromNonConstantString,
            "SQL built from non-constant strings",
            RuleCategory.Security,
            FindingSeverity.Error,
            "A raw SQL API (EF Core FromSqlRaw/ExecuteSqlRaw/SqlQueryRaw, ADO.NET command text, Dapper) receives SQL " +
            "concatenated, interpolated or formatted from values that are not constants — the shape of SQL injection.",
            SecurityQuestion));
        rules.Add(new RuleDescriptor(
            RuleIds.AuthorizationBypass,
            "Authorization bypass",
            RuleCategory.Security,
            FindingSeverity.Error,
            "[AllowAnonymous] (or .AllowAnonymous()) opens a state-changing endpoint to anonymous callers, or silently " +
            "overrides an [Authorize] declared nearer or farther away, or an [Authorize] sits where ASP.NET Core ignores it.",
            SecurityQuestion));
        rules.Add(new RuleDescriptor(
            RuleIds.QueryFiltersBypassed,
            "Query filters bypassed",
            RuleCategory.Security,
            FindingSeverity.Error,
            "IgnoreQueryFilters() switches off the model's global query filters — usually the tenant and soft-delete " +
            "filters — so the query can return other tenants' or deleted rows.",
            SecurityQuestion));
    }
}

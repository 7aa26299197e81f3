using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Audit;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>
/// <c>hotfix check</c> (the branching module) and <c>hotfix audit</c> (the audit module) run through
/// <see cref="CheckRunner"/> over an <see cref="InMemoryHistory"/>, the way the CLI runs them over a repository.
/// </summary>
internal static class BranchingChecks
{
    public const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    private static readonly ToolInfo Tool = new("hotfix", "test");

    /// <summary><c>hotfix check</c> of <paramref name="branch"/> at its tip.</summary>
    public static CheckReport Check(InMemoryHistory git, string branch = Branch, HotfixPolicy? policy = null) =>
        CheckRunner.Run(Context(git, policy, new CheckSubject(branch, git.Tip(branch))), [new BranchingModule()], Tool);

    /// <summary><c>hotfix audit [--since]</c>: main is the subject, as AuditCommand makes it.</summary>
    public static CheckReport Audit(InMemoryHistory git, DateTimeOffset? since = null)
    {
        var main = HotfixAudit.ResolveMain(git, HotfixPolicy.Runbook);
        return CheckRunner.Run(Context(git, null, new CheckSubject(main.Name, main.TipSha)), [new AuditModule(since)], Tool, "audit");
    }

    /// <summary>The one finding of <paramref name="ruleId"/>, at <paramref name="severity"/>.</summary>
    public static Finding Single(CheckReport report, string ruleId, FindingSeverity severity)
    {
        var finding = Assert.Single(report.Findings, f => f.RuleId == ruleId);
        Assert.Equal(severity, finding.Severity);
        return finding;
    }

    public static string Short(string sha) => sha[..7];

    /// <summary>main and develop, and <see cref="Branch"/> created from main with one fix commit ("Round half to even").</summary>
    public static InMemoryHistory HotfixFromMain(out string fix)
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Branch(Branch, "main");
        fix = git.Commit(Branch, "Round half to even", "rounding");
        return git;
    }

    private static CheckContext Context(InMemoryHistory git, HotfixPolicy? policy, CheckSubject subject) =>
        new(policy ?? HotfixPolicy.Runbook, subject, new CheckOptions(), new PortSet().Add<IHistoryReader>(git));
}

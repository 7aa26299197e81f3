using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Checks;

public class CheckRunnerTests
{
    private static readonly ToolInfo Tool = new("hotfix", "test");

    private static CheckReport Run(string branch, HotfixPolicy? policy = null, params ICheckModule[] modules) =>
        CheckRunner.Run(
            new CheckContext(policy ?? HotfixPolicy.Runbook, new CheckSubject(branch, new string('a', 40)), new CheckOptions(), new PortSet()),
            modules.Length == 0 ? CheckModules.Core : modules,
            Tool);

    private static HotfixPolicy PolicyFrom(string json) => PolicyParser.Parse(json, "test").Policy!;

    [Fact]
    public void A_valid_hotfix_branch_has_no_findings_and_a_branch_section()
    {
        var report = Run("hotfix/INC-2026-0042-fix-rounding");
        Assert.Empty(report.Findings);
        Assert.False(report.IsBlocking);
        var branch = report.Section<BranchSection>()!;
        Assert.Equal("INC-2026-0042", branch.Incident.ToString());
    }

    [Theory]
    [InlineData(true, "src/File1.cs")]
    [InlineData(false, null)]
    public void The_file_for_findings_about_the_branch_is_looked_up_only_when_the_caller_may_write_sarif(bool locates, string? expected)
    {
        var reader = new CountingReader();
        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("feature/x", new string('a', 40)), new CheckOptions(), new PortSet().Add<IChangeSetReader>(reader))
        {
            LocatesBranchFindings = locates,
        };
        var report = CheckRunner.Run(context, [new Hotfix.Policy.Checks.Branching.BranchingModule()], Tool);

        Assert.Contains(report.Findings, f => f.RuleId == "HF0101" && f.Path is null);
        Assert.Equal(expected, report.BranchFindingFile);
        Assert.Equal(locates, reader.Looks > 0);
    }

    /// <summary>A commit with two files and no policy file; counts the look-ups of single files and listings.</summary>
    private sealed class CountingReader : IChangeSetReader
    {
        public int Looks { get; private set; }

        public bool TryReadChangeSet(string baseBranch, string remote, string headCommit, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Hotfix.Policy.Changes.ChangeSet? changeSet, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? unavailableReason)
        {
            changeSet = null;
            unavailableReason = "no change set in this test";
            return false;
        }

        public Hotfix.Policy.Changes.FileContent? ReadFile(string commit, string path)
        {
            Looks++;
            return null;
        }

        public IReadOnlyList<string> ListFiles(string commit)
        {
            Looks++;
            return ["src/File1.cs", "src/File2.cs"];
        }
    }

    [Fact]
    public void HF0101_fires_as_a_blocking_error_with_help_link()
    {
        var report = Run("feature/x");
        var finding = Assert.Single(report.Findings);
        Assert.Equal("HF0101", finding.RuleId);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(report.IsBlocking);
        Assert.Contains("'feature/x' is not a valid hotfix branch name", finding.Message);
        Assert.Contains("hotfix/INC-YYYY-NNNN-short-description", finding.Message);
        Assert.Equal(RuleCatalogue.HelpLinkFor("HF0101"), finding.HelpLink);
        Assert.Null(report.Section<BranchSection>()!.Incident);
    }

    [Fact]
    public void HF0101_suggests_a_rename_when_it_can()
    {
        var finding = Assert.Single(Run("feature/INC-2026-0042_Fix_Rounding").Findings);
        // Both names: checked with --branch from main, 'git branch -m NEW' would rename main.
        Assert.EndsWith("Rename it with: git branch -m feature/INC-2026-0042_Fix_Rounding hotfix/INC-2026-0042-fix-rounding", finding.Message);
    }

    [Fact]
    public void The_policy_can_lower_or_turn_off_a_rule()
    {
        var lowered = Assert.Single(Run("feature/x", PolicyFrom("""{ "rules": { "HF0101": "warning" } }""")).Findings);
        Assert.Equal(FindingSeverity.Warning, lowered.Severity);
        Assert.Empty(Run("feature/x", PolicyFrom("""{ "rules": { "HF0101": "off" } }""")).Findings);
    }

    [Fact]
    public void The_policy_prefix_and_help_base_apply()
    {
        var policy = PolicyFrom("""{ "branches": { "prefix": "fix/" }, "helpBaseUri": "https://docs.example.com/hotfix/" }""");
        Assert.Empty(Run("fix/INC-2026-0042-a", policy).Findings);
        var finding = Assert.Single(Run("hotfix/INC-2026-0042-a", policy).Findings);
        Assert.Equal("https://docs.example.com/hotfix/HF0101.md", finding.HelpLink);
    }

    [Fact]
    public void Findings_come_most_severe_first_and_waived_ones_never_block()
    {
        var report = Run("x", null, new FixedModule(
            Make(FindingSeverity.Info, "b.cs", 1),
            Make(FindingSeverity.Error, "a.cs", 9) with { Waiver = new Waiver("accepted", "--allow", FindingSeverity.Error) },
            Make(FindingSeverity.Warning, "a.cs", 2),
            Make(FindingSeverity.Error, "z.cs", 1)));
        Assert.Equal(
            [(FindingSeverity.Error, "z.cs"), (FindingSeverity.Warning, "a.cs"), (FindingSeverity.Info, "a.cs"), (FindingSeverity.Info, "b.cs")],
            report.Findings.Select(f => (f.Severity, f.Path!)));
        Assert.True(report.IsBlocking);
        Assert.Equal(new FindingCounts(1, 1, 2, 1), report.Counts);
    }

    [Fact]
    public void A_waiver_keeps_its_finding_info_even_when_the_policy_raises_the_rule()
    {
        var waived = Make(FindingSeverity.Error, "a.cs", 1) with { Waiver = new Waiver("ok", "--allow", FindingSeverity.Error) };
        var report = Run("x", PolicyFrom("""{ "rules": { "HF0101": "error" } }"""), new FixedModule(waived));
        Assert.Equal(FindingSeverity.Info, Assert.Single(report.Findings).Severity);
        Assert.False(report.IsBlocking);
    }

    [Fact]
    public void Facts_are_computed_once_per_check()
    {
        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("x", "y"), new CheckOptions(), new PortSet());
        var calls = 0;
        var first = context.Fact(_ => { calls++; return new List<int> { 1 }; });
        var second = context.Fact(_ => { calls++; return new List<int> { 2 }; });
        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_missing_port_is_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PortSet().Require<IRepositoryReader>());
        Assert.Contains("IRepositoryReader", e.Message);
    }

    private static Finding Make(FindingSeverity severity, string path, int line) =>
        new(RuleIds.BranchName, severity, $"{severity} at {path}:{line}") { Path = path, Line = line };

    private sealed class FixedModule(params Finding[] findings) : ICheckModule, ICheckRule
    {
        public string Name => "fixed";

        public IReadOnlyList<ICheckRule> Rules => [this];

        public IReadOnlyList<IReportSectionProvider> Sections => [];

        public RuleDescriptor Rule => RuleCatalogue.Get(RuleIds.BranchName);

        public IEnumerable<Finding> Evaluate(CheckContext context) => findings;
    }
}

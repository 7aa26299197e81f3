using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Reporting;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class FormattingRuleTests
{
    private static readonly ToolInfo Tool = new("hotfix", "test");

    private static List<Finding> Findings(params Hotfix.Policy.Changes.FileChange[] files) =>
        CheckRunner.Run(Context(files), CheckModules.Core, Tool).Findings.Where(f => f.RuleId == "HF1102").ToList();

    [Fact]
    public void HF1102_names_line_endings_re_saved_around_a_fix_with_a_command_that_restores_them()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"    public decimal Rate{i}(decimal w) => w * {i}m;").ToList();
        var before = string.Join("\r\n", lines) + "\r\n";
        lines[14] = "    public decimal Rate15(decimal w) => w * 16m;";
        var finding = Assert.Single(Findings(Modified("src/Shipping.cs", before, string.Join('\n', lines) + "\n")));
        Assert.Contains("29 lines differ only in line endings (CRLF → LF) next to the real change in this file: 58 of its changed lines", finding.Message);
        Assert.Contains(@"perl -pi -e 's/\r?\n/\r\n/' src/Shipping.cs", finding.Message);
        Assert.Equal(1, finding.Line);

        // A file with mixed endings cannot be converted back wholesale: restore it and reapply the fix.
        var mixed = before.Replace("Rate3(decimal w) => w * 3m;\r\n", "Rate3(decimal w) => w * 3m;\n");
        var message = Assert.Single(Findings(Modified("src/Shipping.cs", mixed, string.Join('\n', lines) + "\n"))).Message;
        Assert.Contains("git checkout aaaaaaaaaaaa -- src/Shipping.cs, then reapply the fix", message);
    }

    [Fact]
    public void HF1102_does_not_call_a_shell_or_yaml_whitespace_fix_formatting()
    {
        var script = Modified("docker/entrypoint.sh", Lines("#!/bin/sh", "JAVA_OPTS = \"-Xmx1g\"", "exec java $JAVA_OPTS"), Lines("#!/bin/sh", "JAVA_OPTS=\"-Xmx1g\"", "exec java $JAVA_OPTS"));
        var values = Modified("deploy/values.yaml", Lines("limits:", "  memory:1Gi"), Lines("limits:", "  memory: 1Gi"));
        var respaced = Modified("src/A.cs", Lines("var a=1;"), Lines("var a = 1;"));
        Assert.Equal(["src/A.cs"], Findings(script, values, respaced).Select(f => f.Path));
    }
}

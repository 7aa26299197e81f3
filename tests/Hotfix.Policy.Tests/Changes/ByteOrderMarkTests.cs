using Hotfix.Policy.Changes;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Changes;

public class ByteOrderMarkTests
{
    private const string Script = "#!/bin/sh\nset -eu\nexec /app/server\n";

    [Fact]
    public void A_removed_bom_changes_the_first_line_as_git_counts_it()
    {
        var change = Modified("docker/entrypoint.sh", "\uFEFF" + Script, Script);
        Assert.Equal((1, 1), (change.AddedLines, change.DeletedLines));
        Assert.Equal("BOM removed", change.ByteOrderMarkChange);
        Assert.Equal("BOM added", Modified("docker/entrypoint.sh", Script, "\uFEFF" + Script).ByteOrderMarkChange);
    }

    [Fact]
    public void A_bom_kept_on_both_sides_stays_out_of_the_diff()
    {
        var change = Modified("docker/entrypoint.sh", "\uFEFF" + Script, "\uFEFF" + Script.Replace("set -eu", "set -eux", StringComparison.Ordinal));
        Assert.Equal((1, 1), (change.AddedLines, change.DeletedLines));
        Assert.Null(change.ByteOrderMarkChange);
        Assert.DoesNotContain(change.Hunks.SelectMany(h => h.Lines), l => l.Text.Contains('\uFEFF', StringComparison.Ordinal));
    }
}

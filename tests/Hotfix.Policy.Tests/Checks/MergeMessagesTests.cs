using Hotfix.Policy.Checks.Audit;

namespace Hotfix.Policy.Tests.Checks;

/// <summary>The merged branch, as each code host writes it into the merge commit's subject.</summary>
public class MergeMessagesTests
{
    [Theory]
    [InlineData("Merge branch 'hotfix/INC-2026-0042-fix' into main", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge branch 'hotfix/INC-2026-0042-fix'", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge branch 'hotfix/INC-2026-0042-fix' into 'main'", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge remote-tracking branch 'origin/hotfix/INC-2026-0042-fix'", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge pull request #12 from acme/hotfix/INC-2026-0042-fix", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merged in hotfix/INC-2026-0042-fix (pull request #12)", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge hotfix/INC-2026-0042-fix into main", "hotfix/INC-2026-0042-fix")]
    [InlineData("Fix rounding (INC-2026-0042) (#12)", null)]
    [InlineData("Merge made by a person", null)]
    public void Reads_the_merged_branch(string subject, string? expected) => Assert.Equal(expected, MergeMessages.MergedBranch(subject));
}

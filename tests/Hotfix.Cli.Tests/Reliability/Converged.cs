using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// What a complete finish leaves, checked with the git CLI: each merge exactly once with --no-ff parents, the branch
/// gone, HEAD attached to develop, a clean status, the fix and develop's files on disk, no lock file and no journal.
/// </summary>
internal static class Converged
{
    /// <summary>Runs one plain <c>hotfix finish</c> (in-process) and asserts it converges.</summary>
    public static CliResult AfterOnePlainRerun(string path, FinishFixture start, string context)
    {
        var rerun = HotfixCli.Run(path, "finish");
        Xunit.Assert.True(rerun.ExitCode == 0, $"{context}: {rerun}");
        Assert(path, start, context);
        return rerun;
    }

    public static void Assert(string path, FinishFixture start, string context)
    {
        string Git(params string[] args) => GitCli.Run(path, args);
        void Equal(string expected, string actual, string what) =>
            Xunit.Assert.True(expected == actual, $"{context}: {what}: expected [{expected}], got [{actual}]");

        Equal($"{Git("rev-parse", "main")} {start.Main} {start.Hotfix}", Git("rev-list", "--parents", "-n", "1", "main"), "main's merge and its parents");
        Equal($"{Git("rev-parse", "develop")} {start.Develop} {start.Hotfix}", Git("rev-list", "--parents", "-n", "1", "develop"), "develop's merge and its parents");
        Equal("1", Git("rev-list", "--count", "--merges", $"{start.Main}..main"), "merges on main");
        Equal("1", Git("rev-list", "--count", "--merges", $"{start.Develop}..develop"), "merges on develop");
        Equal(string.Empty, GitCli.Try(path, "rev-parse", "--verify", "--quiet", "refs/heads/" + FinishFixture.Branch).StandardOutput.Trim(), "the hotfix branch");
        Equal("refs/heads/develop", GitCli.Try(path, "symbolic-ref", "-q", "HEAD").StandardOutput.Trim(), "HEAD");
        Equal(string.Empty, Git("status", "--porcelain", "--untracked-files=all"), "git status");
        Equal(FinishFixture.FixedOrders, File.ReadAllText(Path.Combine(path, "src", "orders.txt")), "the fix on disk");
        Xunit.Assert.True(File.Exists(Path.Combine(path, "web", "app", "index.txt")) && !File.Exists(Path.Combine(path, "README.md")), $"{context}: develop's files on disk");
        Equal(string.Empty, string.Join(", ", Leftovers(path)), "lock files and journal left");
    }

    /// <summary>Lock files and finish journals in the repository's git directories (a linked worktree has two).</summary>
    public static IEnumerable<string> Leftovers(string path) =>
        new[] { GitCli.Run(path, "rev-parse", "--absolute-git-dir"), Path.GetFullPath(Path.Combine(path, GitCli.Run(path, "rev-parse", "--git-common-dir"))) }
            .Distinct(StringComparer.Ordinal)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".lock", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("hotfix-finish", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(path, f));
}

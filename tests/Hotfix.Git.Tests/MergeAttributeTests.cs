using System.Diagnostics;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// Merge attributes from .gitattributes (union, binary, -merge, merge=NAME with and without merge.NAME.driver), each
/// against <c>git merge --no-ff</c> of the same commits in a scratch clone with the same configuration.
/// </summary>
public class MergeAttributeTests
{
    private const string Base = "a\nb\nc\nd\ne\nf\ng\n";

    /// <summary>One line changed on each side: "other" lines merge cleanly as text, "same" lines conflict as text.</summary>
    private static (string Ours, string Theirs) Edits(string lines) => lines == "same"
        ? ("a\nb-main\nc\nd\ne\nf\ng\n", "a\nb-hot\nc\nd\ne\nf\ng\n")
        : ("a\nb\nc\nd\ne\nf-main\ng\n", "a\nb-hot\nc\nd\ne\nf\ng\n");

    /// <summary>main (ours, checked out) and hot (theirs) from a base with f.txt under <paramref name="attribute"/>.</summary>
    private static TestRepository Diverged(string attribute, string lines, (string Key, string Value)[] config, bool mainEdits = true)
    {
        var repo = TestRepository.Create();
        repo.Commit("Base", ("f.txt", Base), ("other.txt", Base), (".gitattributes", $"f.txt {attribute}\n"));
        foreach (var (key, value) in config)
        {
            repo.Git("config", key, value);
        }

        var (ours, theirs) = Edits(lines);
        repo.Switch("hot", create: true);
        repo.Commit("Hotfix", ("f.txt", theirs));
        repo.Switch("main");
        repo.Commit("Main", mainEdits ? ("f.txt", ours) : ("other.txt", ours));
        return repo;
    }

    /// <summary>What git makes of "git checkout main && git merge --no-ff hot" in a clone with <paramref name="config"/>: null on a conflict.</summary>
    private static string? GitMerges(TestRepository repo, (string Key, string Value)[] config)
    {
        using var scratch = new TempDirectory();
        var clone = scratch.Combine("clone");
        GitCli.Run(scratch.Path, "clone", "--quiet", "--no-local", "--branch", "main", repo.Path, clone);
        foreach (var (key, value) in config)
        {
            GitCli.Run(clone, "config", key, value);
        }

        GitCli.Run(clone, "branch", "--quiet", "hot", "origin/hot");
        var merged = GitCli.Try(clone, "merge", "--no-ff", "--quiet", "-m", "Merge", "hot");
        return merged.ExitCode == 0 ? GitCli.Run(clone, "rev-parse", "HEAD^{tree}") : null;
    }

    private static Policy.Ports.MergePreview Preview(TestRepository repo)
    {
        using var git = GitRepository.Open(repo.Path);
        return git.PreviewMerge(repo.Git("rev-parse", "main"), repo.Git("rev-parse", "hot"));
    }

    [Theory]
    [InlineData("merge=union", "other")]
    [InlineData("merge=union", "same")]
    [InlineData("merge=binary", "other")]
    [InlineData("-merge", "other")]
    [InlineData("merge", "same")]
    [InlineData("merge=text", "other")]
    // A driver named in .gitattributes but not configured: git falls back to the text merge, and so do we.
    [InlineData("merge=ours", "other")]
    [InlineData("merge=ours", "same")]
    public void Built_in_and_unconfigured_drivers_merge_to_git_s_tree_or_conflict_as_git_does(string attribute, string lines)
    {
        using var repo = Diverged(attribute, lines, []);
        var gitTree = GitMerges(repo, []);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Equal(gitTree, preview.TreeId);
        Assert.Equal(gitTree is null, preview.HasConflicts);
    }

    [Theory]
    [InlineData("other", "true")]
    [InlineData("same", "true")]
    // A union-like script: git's result has both sides' lines, ours would not be that byte for byte.
    [InlineData("same", "cat %B >> %A")]
    public void A_configured_driver_is_named_and_gives_no_tree_where_git_runs_it(string lines, string command)
    {
        (string, string)[] config = [("merge.ours.driver", command)];
        using var repo = Diverged("merge=ours", lines, config);
        Assert.NotNull(GitMerges(repo, config));
        var preview = Preview(repo);
        Assert.True(preview.HasConflicts);
        Assert.Null(preview.TreeId);
        var use = Assert.Single(preview.Drivers!);
        Assert.Equal(("f.txt", "ours", command), (use.Path, use.Driver, use.Command));
    }

    [Fact]
    public void A_configured_driver_on_a_path_only_one_side_changed_is_not_needed_and_the_merge_is_git_s()
    {
        (string, string)[] config = [("merge.ours.driver", "true")];
        using var repo = Diverged("merge=ours", "other", config, mainEdits: false);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Equal(GitMerges(repo, config), preview.TreeId);
    }

    [Fact]
    public void A_driver_that_fails_is_a_conflict_for_git_and_a_named_driver_for_us_never_a_clean_merge()
    {
        (string, string)[] config = [("merge.ours.driver", "false")];
        using var repo = Diverged("merge=ours", "other", config);
        Assert.Null(GitMerges(repo, config));
        var preview = Preview(repo);
        Assert.True(preview.HasConflicts);
        Assert.Equal("f.txt", Assert.Single(preview.Drivers!).Path);
    }

    [Fact]
    public void A_driver_that_hangs_is_never_started()
    {
        using var repo = Diverged("merge=ours", "same", []);
        var started = Path.Combine(repo.Path, "..", "driver-started");
        repo.Git("config", "merge.ours.driver", $"touch '{started}'; sleep 600");
        var clock = Stopwatch.StartNew();
        var preview = Preview(repo);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.True(preview.NeedsDrivers);
        Assert.False(File.Exists(started));
    }

    [Theory]
    [InlineData("union")]
    [InlineData("binary")]
    public void A_built_in_driver_chosen_by_merge_default_is_named_because_libgit2_ignores_merge_default(string driver)
    {
        (string, string)[] config = [("merge.default", driver)];
        using var repo = Diverged("diff", "same", config);
        var gitTree = GitMerges(repo, config);
        Assert.Equal(driver == "union", gitTree is not null);
        var use = Assert.Single(Preview(repo).Drivers!);
        Assert.Equal(("f.txt", driver, (string?)null), (use.Path, use.Driver, use.Command));
    }

    [Fact]
    public void A_merge_attribute_overrides_merge_default_as_in_git()
    {
        (string, string)[] config = [("merge.default", "union")];
        using var repo = Diverged("merge=text", "same", config);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Null(GitMerges(repo, config));
        Assert.True(preview.HasConflicts);
    }
}

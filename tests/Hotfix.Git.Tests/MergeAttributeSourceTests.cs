using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// Which .gitattributes decide a merge's driver: git merging into a branch reads that branch's committed ones, not
/// those of the working tree finish runs in (often the hotfix branch), and the new name of a renamed file. Every case
/// against <c>git checkout TARGET &amp;&amp; git merge --no-ff hot</c> in a scratch clone.
/// </summary>
public class MergeAttributeSourceTests
{
    private const string Base = "a\nb\nc\nd\ne\nf\ng\n";
    private const string Ours = "a\nb\nc\nd\ne\nf-main\ng\n";
    private const string Theirs = "a\nb-hot\nc\nd\ne\nf\ng\n";
    private static readonly (string Key, string Value)[] Driver = [("merge.ours.driver", "true")];

    /// <summary>git's tree for merging hot into <paramref name="target"/> with it checked out; null on a conflict.</summary>
    private static string? GitMerges(TestRepository repo, string target = "main")
    {
        using var scratch = new TempDirectory();
        var clone = scratch.Combine("clone");
        GitCli.Run(scratch.Path, "clone", "--quiet", "--no-local", "--branch", target, repo.Path, clone);
        foreach (var (key, value) in Driver)
        {
            GitCli.Run(clone, "config", key, value);
        }

        GitCli.Run(clone, "branch", "--quiet", "hot", "origin/hot");
        var merged = GitCli.Try(clone, "merge", "--no-ff", "--quiet", "-m", "Merge", "hot");
        return merged.ExitCode == 0 ? GitCli.Run(clone, "rev-parse", "HEAD^{tree}") : null;
    }

    private static Policy.Ports.MergePreview Preview(TestRepository repo, string target = "main")
    {
        using var git = GitRepository.Open(repo.Path);
        return git.PreviewMerge(repo.Git("rev-parse", target), repo.Git("rev-parse", "hot"));
    }

    /// <summary>Base with f.txt and <paramref name="attributes"/>; hot and main each change one line of f.txt; hot checked out.</summary>
    private static TestRepository Diverged(string? attributes, string? hotAttributes, string? mainAttributes = null)
    {
        var repo = TestRepository.Create();
        repo.Commit("Base", attributes is null ? [("f.txt", Base)] : [("f.txt", Base), (".gitattributes", attributes)]);
        foreach (var (key, value) in Driver)
        {
            repo.Git("config", key, value);
        }

        repo.Switch("hot", create: true);
        repo.Commit("Hotfix", hotAttributes == attributes ? [("f.txt", Theirs)] : [("f.txt", Theirs), (".gitattributes", hotAttributes)]);
        repo.Switch("main");
        repo.Commit("Main", mainAttributes is null ? [("f.txt", Ours)] : [("f.txt", Ours), (".gitattributes", mainAttributes)]);
        repo.Switch("hot");
        return repo;
    }

    [Fact]
    public void A_driver_the_hotfix_adds_to_gitattributes_is_not_git_s_for_the_merge_into_main()
    {
        using var repo = Diverged(null, "f.txt merge=ours\n");
        var gitTree = GitMerges(repo);
        Assert.NotNull(gitTree);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Equal(gitTree, preview.TreeId);
    }

    [Fact]
    public void A_driver_the_hotfix_removes_from_gitattributes_is_still_git_s_for_the_merge_into_main()
    {
        using var repo = Diverged("f.txt merge=ours\n", "# no drivers\n");
        Assert.NotNull(GitMerges(repo));
        var use = Assert.Single(Preview(repo).Drivers!);
        Assert.Equal(("f.txt", "ours", "true"), (use.Path, use.Driver, use.Command));
    }

    [Fact]
    public void A_driver_only_the_back_merge_target_has_is_named_for_that_merge_only()
    {
        using var repo = Diverged(null, null);
        repo.Switch("main");
        repo.Git("branch", "develop", "main~1");
        repo.Switch("develop");
        repo.Commit("Develop", ("f.txt", Ours), (".gitattributes", "f.txt merge=ours\n"));
        repo.Switch("hot");
        Assert.NotNull(GitMerges(repo, "develop"));
        Assert.Equal("f.txt", Assert.Single(Preview(repo, "develop").Drivers!).Path);
        Assert.False(Preview(repo).NeedsDrivers);
        Assert.Equal(GitMerges(repo), Preview(repo).TreeId);
    }

    [Fact]
    public void An_uncommitted_gitattributes_in_the_working_tree_does_not_count()
    {
        using var repo = Diverged(null, null);
        repo.WriteFile(".gitattributes", "f.txt merge=ours\n");
        var gitTree = GitMerges(repo);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Equal(gitTree, preview.TreeId);
    }

    [Fact]
    public void A_gitattributes_in_a_folder_of_the_target_counts_and_its_negation_too()
    {
        var repo = TestRepository.Create();
        using var _ = repo;
        repo.Commit("Base", ("d/f.txt", Base), ("d/e/f.txt", Base), (".gitattributes", "f.txt merge=ours\n"), ("d/e/.gitattributes", "f.txt !merge\n"));
        repo.Git("config", "merge.ours.driver", "true");
        repo.Switch("hot", create: true);
        repo.Commit("Hotfix", ("d/f.txt", Theirs), ("d/e/f.txt", Theirs), (".gitattributes", null), ("d/e/.gitattributes", null));
        repo.Switch("main");
        repo.Commit("Main", ("d/f.txt", Ours), ("d/e/f.txt", Ours));
        repo.Switch("hot");
        Assert.NotNull(GitMerges(repo));
        // d/e/f.txt: !merge leaves it unspecified, the text merge, which git's result shows with both sides' lines.
        Assert.Equal("d/f.txt", Assert.Single(Preview(repo).Drivers!).Path);
    }

    [Fact]
    public void A_binary_attribute_of_the_target_the_working_tree_lacks_conflicts_as_in_git_never_a_text_merge()
    {
        using var repo = Diverged("f.txt binary\n", "# text again\n");
        Assert.Null(GitMerges(repo));
        var preview = Preview(repo);
        Assert.True(preview.HasConflicts);
        Assert.Equal(("f.txt", "binary"), (Assert.Single(preview.Drivers!).Path, preview.Drivers![0].Driver));
    }

    [Fact]
    public void A_binary_attribute_both_agree_on_is_libgit2_s_own_conflict()
    {
        using var repo = Diverged("f.txt binary\n", "f.txt binary\n");
        Assert.Null(GitMerges(repo));
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.True(preview.HasConflicts);
    }

    [Theory]
    [InlineData("hot", "g.txt", true)]
    [InlineData("hot", "f.txt", false)]
    [InlineData("main", "g.txt", true)]
    [InlineData("main", "f.txt", false)]
    public void A_renamed_file_changed_on_both_sides_takes_the_driver_of_its_new_name_as_git_does(string renamer, string attributed, bool driven)
    {
        var repo = TestRepository.Create();
        using var _ = repo;
        repo.Commit("Base", ("f.txt", Base), (".gitattributes", $"{attributed} merge=ours\n"));
        repo.Git("config", "merge.ours.driver", "true");
        repo.Switch("hot", create: true);
        repo.Commit("Hotfix", renamer == "hot" ? [("f.txt", null), ("g.txt", Theirs)] : [("f.txt", Theirs)]);
        repo.Switch("main");
        repo.Commit("Main", renamer == "main" ? [("f.txt", null), ("g.txt", Ours)] : [("f.txt", Ours)]);
        var gitTree = GitMerges(repo);
        Assert.NotNull(gitTree);
        var preview = Preview(repo);
        if (driven)
        {
            Assert.Equal("g.txt", Assert.Single(preview.Drivers!).Path);
        }
        else
        {
            Assert.False(preview.NeedsDrivers);
            Assert.Equal(gitTree, preview.TreeId);
        }
    }

    [Fact]
    public void A_gitattributes_that_is_a_symlink_in_the_target_is_not_followed_as_git_does_not()
    {
        var repo = TestRepository.Create();
        using var _ = repo;
        repo.Commit("Base", ("f.txt", Base), ("attributes", "f.txt merge=ours\n"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, ".gitattributes"), "attributes");
        repo.Git("add", ".gitattributes");
        repo.Commit("Link");
        repo.Git("config", "merge.ours.driver", "true");
        repo.Switch("hot", create: true);
        repo.Commit("Hotfix", ("f.txt", Theirs));
        repo.Switch("main");
        repo.Commit("Main", ("f.txt", Ours));
        var gitTree = GitMerges(repo);
        var preview = Preview(repo);
        Assert.False(preview.NeedsDrivers);
        Assert.Equal(gitTree, preview.TreeId);
    }

    [Theory]
    [InlineData("\"f.txt merge=union")]
    [InlineData("!f.txt merge=union")]
    [InlineData("[attr]x")]
    public void Malformed_lines_after_a_driver_s_line_are_skipped_as_in_git(string line)
    {
        using var repo = Diverged($"f.txt merge=ours\n{line}\n", "# none\n");
        Assert.NotNull(GitMerges(repo));
        Assert.Equal("ours", Assert.Single(Preview(repo).Drivers!).Driver);
    }

    [Theory]
    [InlineData("f.txt merge=union \"")]
    [InlineData("f.txt binary foo/bar")]
    public void A_line_git_drops_for_an_invalid_name_but_libgit2_would_read_stops_the_merge_naming_it(string line)
    {
        using var repo = Diverged($"f.txt merge=ours\n{line}\n", "# none\n");
        Assert.NotNull(GitMerges(repo));
        var error = Assert.Throws<HotfixOperationException>(() => Preview(repo));
        Assert.Contains(".gitattributes:2 of commit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_git_drops_that_sets_no_merge_attribute_is_no_reason_to_stop()
    {
        using var repo = Diverged("f.txt merge=ours\nf.txt diff=csharp eol=lf \"\n", "# none\n");
        Assert.NotNull(GitMerges(repo));
        Assert.Equal("ours", Assert.Single(Preview(repo).Drivers!).Driver);
    }

    [Fact]
    public void A_missing_gitattributes_blob_is_an_operation_error_naming_the_commit_never_a_crash()
    {
        using var repo = Diverged("f.txt merge=ours\n", "# none\n");
        var blob = repo.Git("rev-parse", "main:.gitattributes");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", blob[..2], blob[2..]));
        var error = Assert.Throws<HotfixOperationException>(() => Preview(repo));
        Assert.Contains(repo.Git("rev-parse", "main")[..12], error.Message, StringComparison.Ordinal);
        Assert.Equal(Policy.Workflow.Preconditions.NothingChanged, error.State);
    }
}

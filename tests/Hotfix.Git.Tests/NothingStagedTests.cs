using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// Status reads "nothing staged" from the index's cache-tree where git recorded it. The proof must never be given when
/// git sees something staged (or a conflict), the status must be git's in every case, and the proof must be given in
/// the common case — a clean or only-edited working tree after a git commit — or the shortcut is dead code.
/// </summary>
public class NothingStagedTests
{
    public static TheoryData<string> Scenarios() =>
    [
        "clean after a commit",
        "edited in the working tree",
        "deleted from the working tree",
        "staged edit",
        "staged new file",
        "staged deletion",
        "staged mode change",
        "staged edit reverted in the index",
        "staged by a soft reset",
        "intent to add",
        "intent to add, then a commit",
        "merge conflict",
        "index version 4, edited",
        "index version 3, skip-worktree",
        "index without checksum",
        "index written by libgit2",
        "optional extensions (untracked cache, end of index entries)",
        "no commit yet",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_proof_is_given_only_when_git_sees_nothing_staged_and_status_is_gits(string scenario)
    {
        using var repo = Arrange(scenario);
        var gitSeesNothingStaged = repo.TryGit("diff", "--cached", "--quiet").ExitCode == 0 &&
                                   repo.Git("ls-files", "--unmerged").Length == 0;

        using var git = GitRepository.Open(repo.Path);
        var proof = IndexTreeProof.Of(git.Native, git.Native.Head.Tip?.Tree.Id);
        if (proof is not null)
        {
            Assert.True(gitSeesNothingStaged, $"{scenario}: a proof of nothing staged where git sees staged changes");
        }

        var status = git.Status();
        var porcelain = repo.Git("status", "--porcelain=v1", "--untracked-files=no")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // libgit2 (and so hotfix, before and after the shortcut: no proof is read from such an index) counts an
        // intent-to-add entry as staged and modified; git shows " A".
        Assert.True(!scenario.StartsWith("intent to add", StringComparison.Ordinal) || proof is null);
        var staged = porcelain.Where(l => l[0] is not (' ' or 'U') && l[1] != 'U' && l[..2] is not ("AA" or "DD")).Select(l => l[3..]);
        Assert.Equal(
            (scenario.StartsWith("intent to add", StringComparison.Ordinal) ? staged.Append("src/planned.txt") : staged).Order(StringComparer.Ordinal),
            status.Staged.Order(StringComparer.Ordinal));
        var modified = porcelain.Where(l => l[1] is 'M' or 'D' or 'T' && l[0] != 'U').Select(l => l[3..]);
        Assert.Equal(
            (scenario.StartsWith("intent to add", StringComparison.Ordinal) ? modified.Append("src/planned.txt") : modified).Order(StringComparer.Ordinal),
            status.Modified.Order(StringComparer.Ordinal));
        Assert.Equal(
            porcelain.Where(l => l[0] == 'U' || l[1] == 'U' || l[..2] is "AA" or "DD").Select(l => l[3..]).Order(StringComparer.Ordinal),
            status.Conflicted.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("clean after a commit")]
    [InlineData("edited in the working tree")]
    [InlineData("deleted from the working tree")]
    [InlineData("index version 4, edited")]
    [InlineData("optional extensions (untracked cache, end of index entries)")]
    public void The_proof_is_given_where_git_recorded_the_tree(string scenario)
    {
        using var repo = Arrange(scenario);
        using var git = GitRepository.Open(repo.Path);
        Assert.NotNull(IndexTreeProof.Of(git.Native, git.Native.Head.Tip?.Tree.Id));
    }

    [Fact]
    public void The_proof_names_the_tree_the_index_holds_not_HEADs()
    {
        // finish's checkout: HEAD already on develop, index and files still main's (InterruptedCheckoutTests).
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("develop: add web", ("web/app/index.txt", "web\n"));
        repo.Switch("main");
        repo.Git("symbolic-ref", "HEAD", "refs/heads/develop");
        using var git = GitRepository.Open(repo.Path);
        Assert.NotNull(IndexTreeProof.Of(git.Native, ((LibGit2Sharp.Commit)git.Native.Lookup(new LibGit2Sharp.ObjectId(repo.Git("rev-parse", "main")))).Tree.Id));
        Assert.Null(IndexTreeProof.Of(git.Native, git.Native.Head.Tip.Tree.Id));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    public void The_root_read_from_the_file_is_the_tree_git_writes_from_the_index(string version)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("update-index", "--index-version", version);
        repo.Commit("Nested files", ("src/deep/a.txt", "a\n"), ("src/deep/er/b.txt", "b\n"), ("z.txt", "z\n"));
        var index = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), Convert.ToHexStringLower(IndexCacheTree.ValidRoot(index)!));
        Assert.Equal(repo.Git("write-tree"), Convert.ToHexStringLower(IndexCacheTree.ValidRoot(index)!));
    }

    [Theory]
    [InlineData("intent to add")]
    [InlineData("conflict stage")]
    public void An_entry_a_tree_cannot_describe_gives_no_root_even_under_a_valid_tree(string flag)
    {
        // git itself never records a valid tree over such entries; another writer might, so the reader checks.
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("update-index", "--skip-worktree", "src/orders.txt"); // an extended entry: index version 3
        repo.Git("write-tree");
        var index = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
        Assert.Equal(3, index[7]);
        Assert.NotNull(IndexCacheTree.ValidRoot(index));

        var path = index.AsSpan().IndexOf("src/orders.txt\0"u8);
        if (flag == "intent to add")
        {
            index[path - 2] |= 0x20; // the extended flags, big-endian, just before the path
        }
        else
        {
            index[path - 4] |= 0x10; // stage 1 in the flags before them
        }

        Assert.Null(IndexCacheTree.ValidRoot(index));
    }

    [Fact]
    public void An_index_another_writer_changed_after_the_proof_voids_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var proof = IndexTreeProof.Of(git.Native, git.Native.Head.Tip?.Tree.Id);
        Assert.NotNull(proof);
        Assert.True(IndexTreeProof.StillHolds(git.Native, proof));

        repo.WriteFile("src/orders.txt", "staged by someone else\n");
        repo.Git("add", "src/orders.txt");
        _ = git.Native.RetrieveStatus(new LibGit2Sharp.StatusOptions()); // libgit2 re-reads an index whose file changed, as the status does
        Assert.False(IndexTreeProof.StillHolds(git.Native, proof));
        Assert.Equal(["src/orders.txt"], git.Status().Staged);
    }

    [Fact]
    public void A_split_index_libgit2_cannot_read_gives_no_proof_and_no_exception()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("update-index", "--split-index");
        Assert.Null(IndexCacheTree.ValidRoot(File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"))));
        using var git = GitRepository.Open(repo.Path);
        Assert.Null(IndexTreeProof.Of(git.Native, git.Native.Head.Tip?.Tree.Id));
    }

    [Fact]
    public void An_index_file_that_cannot_be_read_gives_no_proof_and_no_exception()
    {
        using var folder = new TempDirectory("index-read");
        Assert.Null(IndexTreeProof.ReadOrNull(folder.Path)); // a folder where the file should be
        Assert.Null(IndexTreeProof.ReadOrNull(folder.Combine("missing")));
    }

    [Fact]
    public void Damaged_index_files_give_no_answer_and_never_throw()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("More files", ("src/deep/a.txt", "a\n"), ("src/b.txt", "b\n"));
        var index = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
        var random = new Random(15);
        for (var cut = 0; cut < index.Length; cut++)
        {
            _ = IndexCacheTree.ValidRoot(index.AsSpan(0, cut));
        }

        for (var i = 0; i < 5_000; i++)
        {
            var damaged = (byte[])index.Clone();
            damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            _ = IndexCacheTree.ValidRoot(damaged);
        }

        Assert.Null(IndexCacheTree.ValidRoot(index.AsSpan(0, index.Length - 1)));
        Assert.Null(IndexCacheTree.ValidRoot([]));
    }

    private static TestRepository Arrange(string scenario)
    {
        var repo = scenario == "no commit yet" ? TestRepository.Create(withInitialCommit: false) : HotfixRepositories.MainAndDevelop();
        switch (scenario)
        {
            case "clean after a commit":
                break;
            case "edited in the working tree":
                repo.WriteFile("src/orders.txt", "edited\n");
                break;
            case "deleted from the working tree":
                File.Delete(Path.Combine(repo.Path, "src", "orders.txt"));
                break;
            case "staged edit":
                repo.WriteFile("src/orders.txt", "edited\n");
                repo.Git("add", "src/orders.txt");
                break;
            case "staged new file":
                repo.WriteFile("src/new/file.txt", "new\n");
                repo.Git("add", "src/new/file.txt");
                break;
            case "staged deletion":
                repo.Git("rm", "--quiet", "--cached", "src/orders.txt");
                break;
            case "staged mode change":
                repo.Git("update-index", "--chmod=+x", "src/orders.txt");
                break;
            case "staged edit reverted in the index":
                var original = File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt"));
                repo.WriteFile("src/orders.txt", "edited\n");
                repo.Git("add", "src/orders.txt");
                repo.WriteFile("src/orders.txt", original);
                repo.Git("add", "src/orders.txt");
                break;
            case "staged by a soft reset":
                // The index keeps the tree git recorded for the newer commit: a valid root that is not HEAD's tree.
                repo.Commit("To be undone", ("src/orders.txt", "undone\n"));
                repo.Git("reset", "--soft", "HEAD~1");
                break;
            case "intent to add":
                repo.WriteFile("src/planned.txt", "later\n");
                repo.Git("add", "--intent-to-add", "src/planned.txt");
                break;
            case "intent to add, then a commit":
                // git's commit leaves the intent-to-add entry out of the tree and records the tree as valid.
                repo.WriteFile("src/planned.txt", "later\n");
                repo.Git("add", "--intent-to-add", "src/planned.txt");
                repo.Commit("Another file", ("src/other.txt", "other\n"));
                break;
            case "merge conflict":
                repo.Commit("Main edit", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-main")));
                repo.Switch("develop");
                repo.Commit("Develop edit", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-develop")));
                Assert.NotEqual(0, repo.TryGit("merge", "main").ExitCode);
                break;
            case "index version 4, edited":
                repo.Git("update-index", "--index-version", "4");
                repo.Commit("Commit under version 4", ("src/v4.txt", "v4\n"));
                repo.WriteFile("src/orders.txt", "edited\n");
                break;
            case "index version 3, skip-worktree":
                repo.Git("update-index", "--skip-worktree", "src/orders.txt");
                repo.WriteFile("README.md", "edited\n");
                break;
            case "index without checksum":
                repo.Git("config", "index.skipHash", "true");
                repo.Commit("Commit with index.skipHash", ("src/skip.txt", "skip\n"));
                break;
            case "index written by libgit2":
                repo.WriteFile("src/orders.txt", "staged by libgit2\n");
                using (var native = new LibGit2Sharp.Repository(repo.Path))
                {
                    LibGit2Sharp.Commands.Stage(native, "src/orders.txt");
                }

                break;
            case "optional extensions (untracked cache, end of index entries)":
                // UNTR, EOIE and IEOT come after TREE; a reader must step over extensions it does not use.
                repo.Git("config", "index.recordEndOfIndexEntries", "true");
                repo.Git("config", "index.recordOffsetTable", "true");
                repo.Git("config", "index.threads", "2");
                repo.Git("update-index", "--untracked-cache");
                repo.Commit("Commit with optional extensions", ("src/ext.txt", "ext\n"));
                repo.WriteFile("src/orders.txt", "edited\n");
                var written = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
                Assert.True(written.AsSpan().IndexOf("UNTR"u8) > 0 && written.AsSpan().IndexOf("EOIE"u8) > 0, "git wrote the optional extensions");
                break;
            case "no commit yet":
                repo.WriteFile("first.txt", "first\n");
                repo.Git("add", "first.txt");
                break;
            default:
                throw new ArgumentException(scenario, nameof(scenario));
        }

        return repo;
    }
}

using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// The native calls (walks, changed paths, patch ids) run on LibGit2Sharp's own libgit2 handle, sharing its index and
/// object cache: the same answers as a handle of their own, and an index another process wrote after the command
/// first read it is re-read before the patch ids' attribute lookups, as a handle of their own read it then.
/// </summary>
public class SharedHandleTests
{
    [Fact]
    public void Native_calls_on_LibGit2Sharps_handle_answer_as_a_handle_of_their_own()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var from = repo.Head;
        var to = repo.Commit("Change two files", ("src/orders.txt", "total\nround\n"), ("src/deep/new.txt", "new\n"));
        using var git = GitRepository.Open(repo.Path);
        using var shared = NativeRepository.For(git.Native);
        using var own = new NativeRepository(Path.Combine(repo.Path, ".git"));
        var fromTree = repo.Git("rev-parse", from + "^{tree}");
        var toTree = repo.Git("rev-parse", to + "^{tree}");

        // The pinned LibGit2Sharp still has the internal members read through UnsafeAccessor.
        Assert.True(shared.Borrowed);
        Assert.False(own.Borrowed);
        Assert.Equal(own.Walk(to, []), shared.Walk(to, []));
        Assert.Equal(own.ChangedPaths(fromTree, toTree), shared.ChangedPaths(fromTree, toTree));
        Assert.Equal(["src/deep/new.txt", "src/orders.txt"], shared.ChangedPaths(fromTree, toTree));
        Assert.Equal(own.PatchId(fromTree, toTree), shared.PatchId(fromTree, toTree));
        var develop = repo.Git("rev-parse", "develop");
        Assert.Equal(own.MergeBases(to, develop), shared.MergeBases(to, develop));
    }

    [Fact]
    public void A_patch_id_reads_the_index_another_writer_changed_after_a_status()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var from = repo.Head;
        var to = repo.Commit("Change orders", ("src/orders.txt", "total\nround\ntax\n"));
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.Status().IsClean);
        string? Fresh()
        {
            using var fresh = GitRepository.Open(repo.Path);
            return fresh.PatchId(from, to);
        }

        var textPatchId = Fresh();

        // Another writer stages a .gitattributes that makes the file binary, with no copy in the working tree: only
        // the index has it, and only an index read after this point sees it.
        repo.WriteFile(".gitattributes", "*.txt binary\n");
        repo.Git("add", ".gitattributes");
        File.Delete(Path.Combine(repo.Path, ".gitattributes"));
        var binaryPatchId = Fresh();
        Assert.NotEqual(textPatchId, binaryPatchId);

        Assert.Equal(binaryPatchId, git.PatchId(from, to));
    }

    [Fact]
    public void Trees_larger_than_libgit2s_default_limit_stay_in_its_object_cache()
    {
        using var repo = TestRepository.Create();
        // 300 entries: a tree of ≈ 10 kB, over libgit2's default cache limit of 4 kB per tree.
        repo.Commit("Many files", Enumerable.Range(0, 300).Select(i => ($"f{i:D3}.txt", (string?)$"{i}\n")).ToArray());
        var tree = Convert.FromHexString(repo.Git("rev-parse", "HEAD^{tree}"));
        Assert.True(long.Parse(repo.Git("cat-file", "-s", "HEAD^{tree}"), System.Globalization.CultureInfo.InvariantCulture) > 4096);

        GitTreeCache.KeepWholeTrees();
        using var git = GitRepository.Open(repo.Path);
        using var native = NativeRepository.For(git.Native);
        Assert.True(native.SameTreeObjectTwice(tree));
    }
}

using Hotfix.Policy.Changes;
using Hotfix.TestSupport;
using LibGit2Sharp;

namespace Hotfix.Git.Tests;

/// <summary>
/// The change set's fast path (the native tree comparison, no libgit2 diff) against the slow path (libgit2's diff with
/// rename detection) and against <c>git diff --raw</c>: the same entries where it answers, no answer where only rename
/// detection can say.
/// </summary>
public class ChangesWithoutRenamesTests
{
    private static (string From, string To) Trees(TestRepository repo) =>
        (repo.Git("rev-parse", $"{repo.Git("merge-base", "main", "HEAD")}^{{tree}}"), repo.Git("rev-parse", "HEAD^{tree}"));

    /// <summary>Every field the fast path sets, as one comparable line per file.</summary>
    private static List<string> Describe(IEnumerable<FileChange> files) =>
        files.OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{f.Kind} {f.Path} {f.OldPath} {f.OldMode} {f.NewMode} {f.OldObjectId} {f.NewObjectId} {f.OldContent?.Text} {f.NewContent?.Text}")
            .ToList();

    /// <summary>git's raw diff of the branch: status, modes and ids per path, for the same fields in git's terms.</summary>
    private static List<string> GitRaw(TestRepository repo) =>
        repo.Git("diff", "--raw", "--no-abbrev", "-M", "main...HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(p => (Meta: p[0].Split(' '), Path: p[^1]))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .Select(e => $"{e.Meta[4]} {e.Path} {e.Meta[0][1..]} {e.Meta[1]} {e.Meta[2]} {e.Meta[3]}")
            .ToList();

    private static List<string> Raw(IEnumerable<FileChange> files) =>
        files.OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{(f.Kind == FileChangeKind.Added ? 'A' : 'M')} {f.Path} {GitMode(f.OldMode)} {GitMode(f.NewMode)} {f.OldObjectId ?? new string('0', 40)} {f.NewObjectId ?? new string('0', 40)}")
            .ToList();

    private static string GitMode(EntryMode mode) => mode switch
    {
        EntryMode.File => "100644",
        EntryMode.Executable => "100755",
        _ => "000000",
    };

    [Fact]
    public void Modified_added_and_mode_changed_files_in_nested_and_new_folders_equal_libgit2s_diff_and_git()
    {
        using var repo = TestRepository.Create();
        repo.Commit(
            "Base",
            ("src/a/one.cs", "class One {}\n"),
            ("src/a/deep/two.cs", "class Two {}\n"),
            ("src/b/three.cs", "class Three {}\n"),
            ("src/b/same.cs", "class Same {}\n"),
            ("tool.sh", "echo hi\n"),
            ("README.md", "readme\n"));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        repo.Switch("main");
        repo.Commit("Main moves on", ("README.md", "readme, newer\n"));
        repo.Switch("hotfix/INC-2026-0042-x");
        repo.Commit(
            "Fix",
            ("src/a/one.cs", "class One { int x; }\n"),
            ("src/a/deep/two.cs", "class Two { }\n"),
            ("src/a/deep/new.cs", "class New {}\n"),
            ("fresh/x/y/z.cs", "class Z {}\n"),
            ("src/b-sibling.cs", "class Sibling {}\n"),
            ("src/b/three.cs", "class Three { }\n"));
        repo.Git("update-index", "--chmod=+x", "tool.sh");
        repo.Commit("Make the tool executable");

        Assert.Equal(7, FastPathAgreesWithLibGit2AndGit(repo));
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("rename")]
    [InlineData("file-to-folder")]
    [InlineData("symlink")]
    public void Deletions_renames_folders_and_symlinks_are_left_to_libgit2s_diff(string shape)
    {
        using var repo = TestRepository.Create();
        repo.Commit("Base", ("src/keep.cs", "class Keep {}\n"), ("src/moved.cs", "class Moved { int a; int b; int c; }\n"), ("swap", "file\n"));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        repo.Commit("Edit", ("src/keep.cs", "class Keep { }\n"));
        switch (shape)
        {
            case "delete":
                repo.Commit("Delete", ("src/moved.cs", null));
                break;
            case "rename":
                Directory.CreateDirectory(Path.Combine(repo.Path, "lib"));
                repo.Git("mv", "src/moved.cs", "lib/moved.cs");
                repo.Commit("Move");
                break;
            case "file-to-folder":
                repo.Commit("Reshape", ("swap", null), ("swap/inner.txt", "now a folder\n"));
                break;
            default:
                File.CreateSymbolicLink(Path.Combine(repo.Path, "current"), "src/keep.cs");
                repo.Git("add", "current");
                repo.Commit("Link");
                break;
        }

        using var git = GitRepository.Open(repo.Path);
        var (from, to) = Trees(repo);
        Assert.Null(git.ChangesWithoutRenames(from, to));

        // The change set still lists what git lists (through libgit2's diff).
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);
        Assert.Equal(
            repo.Git("diff", "--name-only", "-M", "main...HEAD").Split('\n').Order(StringComparer.Ordinal),
            changes.Files.Select(f => f.Path));
    }

    [Fact]
    public void The_change_set_of_many_files_in_many_folders_is_the_same_either_way()
    {
        using var repo = TestRepository.Create();
        var files = Enumerable.Range(0, 240).Select(i => ($"src/Mod{i % 24:D2}/File{i:D3}.cs", (string?)$"class File{i} {{}}\n")).ToArray();
        repo.Commit("Base", files);
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        repo.Commit("Fix", files.Where((_, i) => i % 7 == 0).Select(f => (f.Item1, (string?)(f.Item2 + "// fixed\n"))).ToArray());
        repo.Commit("Tests", ("tests/Mod03/FixTests.cs", "class FixTests {}\n"), ("src/Mod03/File003.cs", "class File3 { }\n"));

        FastPathAgreesWithLibGit2AndGit(repo);
    }

    /// <summary>The tree comparison's change set equals libgit2's diff and <c>git diff --raw</c>; returns how many files changed.</summary>
    private static int FastPathAgreesWithLibGit2AndGit(TestRepository repo)
    {
        using var git = GitRepository.Open(repo.Path);
        var (from, to) = Trees(repo);
        var fast = git.ChangesWithoutRenames(from, to);
        Assert.NotNull(fast);
        var slow = git.LibGit2Changes(git.Native.Lookup<Tree>(from), git.Native.Lookup<Tree>(to));
        Assert.Equal(Describe(slow), Describe(fast));
        Assert.Equal(GitRaw(repo), Raw(fast));
        return fast.Count;
    }
}

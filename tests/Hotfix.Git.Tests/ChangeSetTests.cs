using System.Text;
using Hotfix.Policy.Changes;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>The change-set port against real repositories, cross-checked with <c>git diff main...HEAD</c>.</summary>
public class ChangeSetTests
{
    private static ChangeSet Read(TestRepository repo, string baseBranch = "main")
    {
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet(baseBranch, "origin", repo.Head, out var changes, out var reason), reason);
        // Contents are read lazily: force them while the repository is open.
        foreach (var file in changes.Files)
        {
            _ = file.OldContent;
            _ = file.NewContent;
        }

        return changes;
    }

    /// <summary>git's own view: path → (status letter, added, deleted) from --name-status and --numstat.</summary>
    private static Dictionary<string, (char Status, string Added, string Deleted)> GitView(TestRepository repo, string baseBranch = "main")
    {
        var statuses = repo.Git("diff", "--name-status", "-M", $"{baseBranch}...HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[^1], p => p[0][0]);
        return repo.Git("diff", "--numstat", "-M", $"{baseBranch}...HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => NewPathOf(p[2]), p => (statuses[NewPathOf(p[2])], p[0], p[1]));
    }

    // numstat prints renames as "dir/{old => new}" or "old => new".
    private static string NewPathOf(string numstatPath)
    {
        var brace = numstatPath.IndexOf('{');
        if (brace >= 0)
        {
            var arrow = numstatPath.IndexOf(" => ", brace, StringComparison.Ordinal);
            var close = numstatPath.IndexOf('}', arrow);
            return (numstatPath[..brace] + numstatPath[(arrow + 4)..close] + numstatPath[(close + 1)..]).Replace("//", "/");
        }

        var plain = numstatPath.IndexOf(" => ", StringComparison.Ordinal);
        return plain >= 0 ? numstatPath[(plain + 4)..] : numstatPath;
    }

    private static void AssertAgreesWithGit(TestRepository repo, ChangeSet changes, string baseBranch = "main")
    {
        var git = GitView(repo, baseBranch);
        Assert.Equal(git.Keys.Order(StringComparer.Ordinal), changes.Files.Select(f => f.Path));
        foreach (var file in changes.Files)
        {
            var (status, added, deleted) = git[file.Path];
            var expectedKind = status switch
            {
                'A' => FileChangeKind.Added,
                'D' => FileChangeKind.Deleted,
                'R' => FileChangeKind.Renamed,
                'T' => FileChangeKind.TypeChanged,
                _ => FileChangeKind.Modified,
            };
            Assert.Equal(expectedKind, file.Kind);
            if (added == "-")
            {
                Assert.True(file.IsBinary, $"{file.Path} should be binary");
            }
            else
            {
                Assert.Equal(int.Parse(added), file.AddedLines);
                Assert.Equal(int.Parse(deleted), file.DeletedLines);
            }
        }

        Assert.Equal(repo.Git("merge-base", baseBranch, "HEAD"), changes.MergeBase);
    }

    [Fact]
    public void Added_modified_deleted_and_renamed_files_as_git_sees_them()
    {
        using var repo = TestRepository.Create();
        var body = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i}")) + "\n";
        repo.Commit("Base", ("src/a.cs", "class A {}\n"), ("src/b.cs", body), ("src/c.cs", "class C {}\n"), ("src/d.cs", body));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        Directory.CreateDirectory(Path.Combine(repo.Path, "src", "moved"));
        repo.Git("mv", "src/d.cs", "src/moved/d.cs");
        repo.Commit(
            "Change",
            ("src/a.cs", "class A { int x; }\n"),
            ("src/new.cs", "class New {}\n"),
            ("src/c.cs", null),
            ("src/moved/d.cs", body.Replace("line 7\n", "line seven\n")));

        var changes = Read(repo);
        AssertAgreesWithGit(repo, changes);
        var renamed = changes.Find("src/moved/d.cs")!;
        Assert.Equal(FileChangeKind.Renamed, renamed.Kind);
        Assert.Equal("src/d.cs", renamed.OldPath);
        Assert.InRange(renamed.Similarity!.Value, 90, 99);
        Assert.Equal(FileChangeKind.Deleted, changes.Find("src/c.cs")!.Kind);
        Assert.Null(changes.Find("src/c.cs")!.NewContent);
        Assert.Equal("class C {}\n", changes.Find("src/c.cs")!.OldContent!.Text);
        Assert.Null(changes.Find("src/new.cs")!.OldPath);
    }

    [Fact]
    public void A_pure_move_is_a_rename_with_100_percent_similarity()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Base", ("old/name.cs", "class Same {}\n"));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        Directory.CreateDirectory(Path.Combine(repo.Path, "new"));
        repo.Git("mv", "old/name.cs", "new/name.cs");
        repo.Commit("Move");

        var file = Assert.Single(Read(repo).Files);
        Assert.Equal(FileChangeKind.Renamed, file.Kind);
        Assert.Equal(100, file.Similarity);
        Assert.Equal(0, file.ChangedLines);
        Assert.Empty(file.Hunks);
    }

    [Fact]
    public void Hunks_carry_line_numbers_on_both_sides()
    {
        using var repo = TestRepository.Create();
        var lines = Enumerable.Range(1, 30).Select(i => $"line {i}").ToList();
        repo.Commit("Base", ("f.txt", string.Join('\n', lines) + "\n"));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        lines[9] = "line ten";
        lines.Insert(20, "inserted");
        repo.Commit("Edit", ("f.txt", string.Join('\n', lines) + "\n"));

        var file = Assert.Single(Read(repo).Files);
        Assert.Equal(2, file.Hunks.Count);
        var first = file.Hunks[0];
        Assert.Equal(new DiffLine(DiffLineKind.Deleted, 10, null, "line 10"), first.Deleted.Single());
        Assert.Equal(new DiffLine(DiffLineKind.Added, null, 10, "line ten"), first.Added.Single());
        Assert.Equal(new DiffLine(DiffLineKind.Added, null, 21, "inserted"), file.Hunks[1].Added.Single());
        var gitHunks = repo.Git("diff", "main...HEAD").Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToList();
        Assert.Equal(gitHunks.Count, file.Hunks.Count);
        Assert.StartsWith($"@@ -{first.OldStart},{first.OldCount} +{first.NewStart},{first.NewCount} @@", gitHunks[0]);
    }

    [Fact]
    public void Commits_that_reached_main_after_the_branch_point_are_not_part_of_the_change()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        repo.Commit("Fix", ("fix.cs", "fix\n"));
        repo.Switch("main");
        repo.Commit("Other work on main", ("main-only.cs", "m\n"));
        repo.Switch("hotfix/INC-2026-0042-x");

        var changes = Read(repo);
        Assert.Equal(["fix.cs"], changes.Files.Select(f => f.Path));
        AssertAgreesWithGit(repo, changes);
        Assert.NotEqual(repo.Git("rev-parse", "main"), changes.MergeBase);
    }

    [Fact]
    public void Binary_huge_latin1_crlf_and_mode_changes_are_read_without_crashing()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Base", ("script.sh", "echo hi\n"), ("crlf.txt", "a\r\nb\r\n"));
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        File.WriteAllBytes(Path.Combine(repo.Path, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(repo.Path, "latin1.txt"), Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me\n"));
        var huge = new StringBuilder();
        while (huge.Length < 10 * 1024 * 1024)
        {
            huge.Append("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
        }

        File.WriteAllText(Path.Combine(repo.Path, "huge.txt"), huge.ToString());
        File.WriteAllText(Path.Combine(repo.Path, "crlf.txt"), "a\nb\n");
        repo.Git("add", "logo.png", "latin1.txt", "huge.txt", "crlf.txt");
        repo.Git("update-index", "--chmod=+x", "script.sh");
        repo.Commit("Assets");

        var changes = Read(repo);
        AssertAgreesWithGit(repo, changes);

        var png = changes.Find("logo.png")!;
        Assert.True(png.IsBinary);
        Assert.Empty(png.Hunks);
        Assert.True(png.NewContent!.IsBinary);
        Assert.Null(png.NewContent.Text);

        var latin1 = changes.Find("latin1.txt")!.NewContent!;
        Assert.False(latin1.IsUtf8);
        Assert.Equal("caf\u00e9 cr\u00e8me\n", latin1.Text);

        Assert.True(changes.Find("huge.txt")!.NewContent!.Length >= 10 * 1024 * 1024);

        var script = changes.Find("script.sh")!;
        Assert.True(script.IsModeChange);
        Assert.Equal(EntryMode.File, script.OldMode);
        Assert.Equal(EntryMode.Executable, script.NewMode);
        Assert.Equal(0, script.ChangedLines);

        var crlf = changes.Find("crlf.txt")!;
        Assert.Equal("a\r", crlf.Hunks.Single().Deleted.First().Text);
        Assert.Equal("a", crlf.Hunks.Single().Added.First().Text);
    }

    [Fact]
    public void Symlinks_and_submodule_pointers_are_entries_of_their_own_kind()
    {
        using var other = TestRepository.Create();
        var firstPointer = other.Head;
        var secondPointer = other.Commit("Library update", ("lib.txt", "v2\n"));

        using var repo = TestRepository.Create();
        GitCli.Run(repo.Path, "-c", "protocol.file.allow=always", "submodule", "--quiet", "add", other.Path, "vendor/lib");
        GitCli.Run(Path.Combine(repo.Path, "vendor", "lib"), "checkout", "--quiet", firstPointer);
        repo.Git("add", "vendor/lib");
        repo.Commit("Add submodule");
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        GitCli.Run(Path.Combine(repo.Path, "vendor", "lib"), "checkout", "--quiet", secondPointer);
        File.CreateSymbolicLink(Path.Combine(repo.Path, "current"), "vendor/lib/lib.txt");
        repo.Git("add", "vendor/lib", "current");
        repo.Commit("Bump library, link it");

        var changes = Read(repo);
        AssertAgreesWithGit(repo, changes);
        var submodule = changes.Find("vendor/lib")!;
        Assert.True(submodule.IsSubmodule);
        Assert.Equal(firstPointer, submodule.OldObjectId);
        Assert.Equal(secondPointer, submodule.NewObjectId);
        Assert.Null(submodule.NewContent);

        var link = changes.Find("current")!;
        Assert.True(link.IsSymlink);
        Assert.Equal("vendor/lib/lib.txt", link.NewContent!.Text);
    }

    [Fact]
    public void A_remote_tracking_main_serves_as_base_in_a_clone()
    {
        using var origin = TestRepository.Create();
        origin.Commit("Service", ("svc.cs", "v1\n"));
        using var dir = new TempDirectory();
        var clone = dir.Combine("clone");
        GitCli.Run(dir.Path, "clone", "--quiet", origin.Path, clone);
        GitCli.Run(clone, "switch", "--quiet", "-c", "hotfix/INC-2026-0042-x");
        GitCli.Run(clone, "branch", "--quiet", "-D", "main");
        File.WriteAllText(Path.Combine(clone, "svc.cs"), "v2\n");
        GitCli.Run(clone, "commit", "--quiet", "-am", "Fix");

        using var git = GitRepository.Open(clone);
        Assert.True(git.TryReadChangeSet("main", "origin", GitCli.Run(clone, "rev-parse", "HEAD"), out var changes, out _));
        Assert.Equal("origin/main", changes.BaseBranch);
        Assert.Equal(["svc.cs"], changes.Files.Select(f => f.Path));
    }

    [Fact]
    public void Reasons_when_the_change_set_cannot_be_known()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-x", create: true);
        using (var git = GitRepository.Open(repo.Path))
        {
            Assert.False(git.TryReadChangeSet("production", "origin", repo.Head, out _, out var missing));
            Assert.Contains("'production' exists neither locally nor as origin/production", missing);
        }

        repo.Git("checkout", "--quiet", "--orphan", "unrelated");
        repo.Commit("Unrelated root", ("x.txt", "x\n"));
        using (var git = GitRepository.Open(repo.Path))
        {
            Assert.False(git.TryReadChangeSet("main", "origin", repo.Head, out _, out var unrelated));
            Assert.Equal("the branch has no history in common with main", unrelated);
        }
    }

    [Fact]
    public void A_shallow_clone_without_the_merge_base_says_how_to_deepen()
    {
        using var origin = TestRepository.Create();
        for (var i = 0; i < 3; i++)
        {
            origin.Commit($"Main {i}", ("main.txt", $"{i}\n"));
        }

        origin.Switch("hotfix/INC-2026-0042-x", create: true);
        for (var i = 0; i < 3; i++)
        {
            origin.Commit($"Fix {i}", ("fix.txt", $"{i}\n"));
        }

        origin.Switch("main");
        origin.Commit("Main moves on", ("main.txt", "later\n"));

        using var dir = new TempDirectory();
        var clone = dir.Combine("clone");
        GitCli.Run(dir.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + origin.Path, clone);
        GitCli.Run(clone, "switch", "--quiet", "hotfix/INC-2026-0042-x");
        Assert.Equal("true", GitCli.Run(clone, "rev-parse", "--is-shallow-repository"));

        using var git = GitRepository.Open(clone);
        Assert.False(git.TryReadChangeSet("main", "origin", GitCli.Run(clone, "rev-parse", "HEAD"), out _, out var reason));
        Assert.Contains("the clone is shallow", reason);
        Assert.Contains("git fetch --unshallow", reason);
    }

    [Fact]
    public void Files_of_any_commit_can_be_read_and_listed()
    {
        using var repo = TestRepository.Create();
        var sha = repo.Commit("Config", ("drizzle.config.ts", "export default { out: './db/migrations' };\n"), ("db/migrations/0000_init.sql", "CREATE TABLE t (id int);\n"));
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal("export default { out: './db/migrations' };\n", git.ReadFile(sha, "drizzle.config.ts")!.Text);
        Assert.Null(git.ReadFile(sha, "missing.txt"));
        Assert.Null(git.ReadFile(sha, "db"));
        Assert.Equal(repo.Git("ls-tree", "-r", "--name-only", sha).Split('\n'), git.ListFiles(sha));
    }
}

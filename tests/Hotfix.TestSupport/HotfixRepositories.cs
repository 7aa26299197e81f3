namespace Hotfix.TestSupport;

/// <summary>
/// Repositories shaped like the runbook's: <c>main</c> (production) and <c>develop</c> (main plus unreleased work),
/// optionally with a bare <c>origin</c> next to them. Built with the git CLI, like <see cref="TestRepository"/>.
/// </summary>
public static class HotfixRepositories
{
    /// <summary>The content of src/orders.txt on main: seven lines, so edits far apart merge cleanly.</summary>
    public const string Orders = "total\nround\ntax\nshipping\ndiscount\ncurrency\nreceipt\n";

    /// <summary>
    /// main: "Initial commit", "Release 1.0" (src/orders.txt); develop: main + "Add loyalty discounts"
    /// (src/loyalty.txt). HEAD on main.
    /// </summary>
    public static TestRepository MainAndDevelop()
    {
        var repo = TestRepository.Create();
        repo.Commit("Release 1.0", ("src/orders.txt", Orders));
        repo.Switch("develop", create: true);
        repo.Commit("Add loyalty discounts", ("src/loyalty.txt", "loyalty\n"));
        repo.Switch("main");
        return repo;
    }

    /// <summary>The path of the bare origin created by <see cref="AddOrigin"/>.</summary>
    public static string OriginPath(this TestRepository repo) => Path.Combine(Path.GetDirectoryName(repo.Path)!, "origin.git");

    /// <summary>Creates a bare <c>origin</c> beside the repository, pushes main and develop and makes them track it.</summary>
    public static string AddOrigin(this TestRepository repo)
    {
        var origin = repo.OriginPath();
        GitCli.Run(Path.GetDirectoryName(repo.Path)!, "init", "--quiet", "--bare", "--initial-branch", "main", origin);
        repo.Git("remote", "add", "origin", origin);
        repo.Git("push", "--quiet", "-u", "origin", "main", "develop");
        return origin;
    }

    /// <summary>Someone else's clone of origin (beside the repository), to move origin on behind our back.</summary>
    public static string CloneOrigin(this TestRepository repo, string name = "colleague")
    {
        var clone = Path.Combine(Path.GetDirectoryName(repo.Path)!, name);
        GitCli.Run(Path.GetDirectoryName(repo.Path)!, "clone", "--quiet", repo.OriginPath(), clone);
        return clone;
    }

    /// <summary>Commits a file in another working tree with the test identity.</summary>
    public static string CommitIn(string workingTree, string message, string path, string content)
    {
        var full = Path.Combine(workingTree, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        GitCli.Run(workingTree, "add", "--", path);
        GitCli.Run(workingTree, "commit", "--quiet", "-m", message);
        return GitCli.Run(workingTree, "rev-parse", "HEAD");
    }

    /// <summary>Every ref with its target and HEAD's symbolic name, to prove an operation changed nothing.</summary>
    public static string RefsAndHead(this TestRepository repo) =>
        repo.Git("show-ref", "--head") + "\n" + (repo.TryGit("symbolic-ref", "-q", "HEAD").StandardOutput.Trim() is { Length: > 0 } s ? s : "detached");

    /// <summary>The state of index and working tree as git reports it (<c>git status --porcelain</c> with untracked files).</summary>
    public static string Status(this TestRepository repo) => repo.Git("status", "--porcelain", "--untracked-files=all");

    /// <summary><see cref="Orders"/> with one line replaced.</summary>
    public static string OrdersWith(string line, string replacement) => Orders.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal);
}

namespace Hotfix.TestSupport;

/// <summary>
/// A real git repository in a temp folder, built through the git CLI. Commits get increasing, fixed timestamps so
/// histories are reproducible; every helper returns the new commit's sha.
/// </summary>
public sealed class TestRepository : IDisposable
{
    private readonly TempDirectory directory;
    private int clock;

    private TestRepository(TempDirectory directory, string path)
    {
        this.directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <summary>A repository with one commit on <paramref name="mainBranch"/> (a README), HEAD on it.</summary>
    public static TestRepository Create(string mainBranch = "main", bool withInitialCommit = true)
    {
        var dir = new TempDirectory("hotfix-repo");
        var path = dir.Combine("repo");
        Directory.CreateDirectory(path);
        var repo = new TestRepository(dir, path);
        repo.Git("init", "--quiet", "--initial-branch", mainBranch);
        if (withInitialCommit)
        {
            repo.Commit("Initial commit", ("README.md", "# Service\n"));
        }

        return repo;
    }

    /// <summary>Runs git in this repository.</summary>
    public string Git(params string[] arguments) => GitCli.Run(Path, arguments);

    public ProcessResult TryGit(params string[] arguments) => GitCli.Try(Path, arguments);

    /// <summary>Writes the files (relative path, content; null content deletes) and commits them.</summary>
    public string Commit(string message, params (string Path, string? Content)[] files)
    {
        foreach (var (relative, content) in files)
        {
            var full = System.IO.Path.Combine(Path, relative);
            if (content is null)
            {
                Git("rm", "--quiet", "--", relative);
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Git("add", "--", relative);
        }

        clock++;
        var date = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(clock).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string?>(GitCli.Environment)
        {
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
        var result = ProcessRunner.Run("git", ["commit", "--quiet", "--allow-empty", "-m", message], Path, env);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git commit failed:\n{result}");
        }

        return Head;
    }

    public string Head => Git("rev-parse", "HEAD");

    public string CurrentBranch => Git("rev-parse", "--abbrev-ref", "HEAD");

    public void Switch(string branch, bool create = false) =>
        Git(create ? ["switch", "--quiet", "-c", branch] : ["switch", "--quiet", branch]);

    public void WriteFile(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => directory.Dispose();
}

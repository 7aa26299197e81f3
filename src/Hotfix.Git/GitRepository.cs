using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// An opened git working tree. Implements the core's repository ports over one LibGit2Sharp repository handle;
/// each port lives in its own partial file. Dispose it to release the handle.
/// </summary>
internal sealed partial class GitRepository : IRepositoryReader, IDisposable
{
    private readonly Repository repository;

    private GitRepository(Repository repository, string root)
    {
        this.repository = repository;
        Root = root;
    }

    public string Root { get; }

    /// <summary>The LibGit2Sharp handle, for adapter code in this assembly.</summary>
    internal Repository Native => repository;

    /// <summary>
    /// Opens the working tree that contains <paramref name="path"/> (the folder itself or any parent, like git).
    /// Throws <see cref="HotfixInputException"/> naming <paramref name="optionName"/> when it is not usable.
    /// </summary>
    /// <param name="path">The folder; relative paths are taken from the process's current directory.</param>
    /// <param name="optionName">How messages name the input, e.g. "--repo" or "current directory".</param>
    /// <param name="shownAs">The path as the user typed it, for messages (default: <paramref name="path"/>).</param>
    public static GitRepository Open(string path, string optionName = "--repo", string? shownAs = null)
    {
        var full = Path.GetFullPath(path);
        path = shownAs ?? path;
        if (File.Exists(full))
        {
            throw new HotfixInputException($"{optionName} '{path}': is a file; expected the folder of a git working tree (or a folder inside one).");
        }

        if (!Directory.Exists(full))
        {
            throw new HotfixInputException($"{optionName} '{path}': no such folder; expected the path of a git working tree.");
        }

        var gitDir = Discover(full);
        if (gitDir is null)
        {
            // Only a command run without --repo can be pointed elsewhere with it; a host (UseGitRepository) has no such option.
            var remedy = optionName == "current directory" ? "clone one, run 'git init', or pass --repo PATH" : "clone one or run 'git init'";
            throw new HotfixInputException($"{optionName} '{path}' is not inside a git repository; expected a folder of a git working tree ({remedy}).");
        }

        Repository repository;
        try
        {
            repository = new Repository(gitDir);
        }
        catch (LibGit2SharpException e)
        {
            throw new HotfixInputException($"{optionName} '{path}': git cannot open the repository at {gitDir} ({e.Message.Trim()}).", e);
        }

        if (repository.Info.IsBare || repository.Info.WorkingDirectory is null)
        {
            repository.Dispose();
            throw new HotfixInputException($"{optionName} '{path}' is a bare repository; hotfix needs a working tree (clone it first: git clone {path} <folder>).");
        }

        return new GitRepository(repository, Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory));
    }

    /// <summary>
    /// The repository containing <paramref name="start"/>: the folder itself or the nearest parent git accepts.
    /// LibGit2Sharp's own Repository.Discover returns null in a native AOT build, so this walks up with IsValid,
    /// which works in both (a test runs the published binary from a subfolder).
    /// </summary>
    public static string? Discover(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Repository.IsValid(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public HeadState Head
    {
        get
        {
            if (repository.Info.IsHeadUnborn)
            {
                return new HeadState(HeadKind.Unborn, repository.Head.FriendlyName, null);
            }

            var tip = repository.Head.Tip?.Sha;
            return repository.Info.IsHeadDetached
                ? new HeadState(HeadKind.Detached, null, tip)
                : new HeadState(HeadKind.Branch, repository.Head.FriendlyName, tip);
        }
    }

    public BranchRef? FindBranch(string name, string remote)
    {
        var local = repository.Branches[name];
        if (local is { IsRemote: false, Tip: not null })
        {
            return ToRef(local);
        }

        var tracking = repository.Branches[$"{remote}/{name}"];
        return tracking is { IsRemote: true, Tip: not null } ? ToRef(tracking) : null;
    }

    public void Dispose()
    {
        native?.Dispose();
        commitAttributes?.Dispose();
        DisposeHistoryHandle();
        repository.Dispose();
    }

    private static BranchRef ToRef(Branch branch) =>
        new(branch.FriendlyName, branch.CanonicalName, branch.Tip.Sha, branch.IsRemote);
}

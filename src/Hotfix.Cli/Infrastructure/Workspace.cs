using Hotfix.Git;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// For commands that work with or without a repository (decide, review, verify, record, policy): the repository root
/// when there is one, the policy that applies there, and the incident record store from policy <c>records.folder</c>.
/// </summary>
internal sealed class Workspace
{
    private readonly CliEnvironment environment;

    private Workspace(CliEnvironment environment, string? root, string baseDirectory, HotfixPolicy policy)
    {
        this.environment = environment;
        Root = root;
        BaseDirectory = baseDirectory;
        Policy = policy;
    }

    /// <summary>The repository root, or the folder holding hotfix.json outside a repository; null when neither.</summary>
    public string? Root { get; }

    /// <summary>Where relative policy paths start: the root, else the current directory.</summary>
    public string BaseDirectory { get; }

    public HotfixPolicy Policy { get; }

    public static Workspace Open(CliEnvironment environment, string? repoOption, string? policyOption)
    {
        var root = FindRoot(environment, repoOption);
        return new Workspace(environment, root, root ?? environment.CurrentDirectory, PolicyFiles.Load(environment, policyOption, root));
    }

    /// <summary>
    /// As <see cref="Open"/>, for a command an incident cannot wait for: a policy file with problems is reported loudly
    /// and the runbook's defaults apply (<see cref="EmergencyPolicy"/>).
    /// </summary>
    public static Workspace OpenForEmergency(CliEnvironment environment, string? repoOption, string? policyOption, string command)
    {
        var root = FindRoot(environment, repoOption);
        return new Workspace(environment, root, root ?? environment.CurrentDirectory, EmergencyPolicy.Load(environment, policyOption, root, command));
    }

    /// <summary>The incident record store of this workspace (<see cref="IncidentRecords"/> says where records live).</summary>
    public IIncidentRecordStore Records() => RecordStore(environment, Policy, Root);

    /// <summary>
    /// The incident record store for <paramref name="root"/> (<see cref="FindRoot"/>): the repository's git database,
    /// the files of a hotfix.json folder outside any repository, or a refusal when there is neither.
    /// </summary>
    public static IIncidentRecordStore RecordStore(CliEnvironment environment, HotfixPolicy policy, string? root)
    {
        var isRepository = root is not null && GitRepository.Discover(root) is not null;
        return IncidentRecords.Open(environment, policy, isRepository ? root : null, isRepository ? null : root);
    }

    /// <summary>
    /// The repository root when there is one; without --repo, a folder with hotfix.json also counts. Without --repo no
    /// libgit2 type is touched; --repo is opened with libgit2 so a path that is not a repository gets git's message.
    /// </summary>
    public static string? FindRoot(CliEnvironment environment, string? repoOption)
    {
        var start = repoOption is null ? environment.CurrentDirectory : environment.Resolve(repoOption);
        if (repoOption is null)
        {
            // Read from the files, not through libgit2: decide, status and the other commands that need no history
            // must work where the native git library is missing (GitWorkingTrees).
            return GitWorkingTrees.FindRoot(start)
                ?? (File.Exists(Path.Combine(start, PolicyParser.DefaultFileName)) ? start : null);
        }

        using var repository = GitRepository.Open(start, repoOption is null ? "current directory" : "--repo", repoOption);
        return repository.Root;
    }
}

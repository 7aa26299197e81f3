using Hotfix.Git;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>The repository named by --repo (or the current directory) and the policy that applies to it.</summary>
internal sealed class RepositorySession : IDisposable
{
    private RepositorySession(GitRepository repository, HotfixPolicy policy, string? policyFile)
    {
        Repository = repository;
        Policy = policy;
        PolicyFile = policyFile;
    }

    public GitRepository Repository { get; }

    public HotfixPolicy Policy { get; }

    /// <summary>
    /// The policy file relative to the repository root (<c>hotfix.json</c> unless --policy names another); null when
    /// --policy names a file outside the repository. SARIF shows findings about the whole branch on it.
    /// </summary>
    public string? PolicyFile { get; }

    /// <remarks>
    /// Objects are read as the git CLI reads them, without re-hashing each — by the commands that write too: git's own
    /// checkout and merge, and gitflow on top of them, trust the object database the same way (zlib's checksum still
    /// catches a damaged object), and on a 20,000-file repository the re-hashing was 15 % of <c>finish</c>.
    /// </remarks>
    public static RepositorySession Open(CliEnvironment environment, string? repoOption, string? policyOption)
    {
        GitObjectReading.TrustObjectDatabaseLikeGit();
        GitTreeCache.KeepWholeTrees();

        var repository = repoOption is null
            ? GitRepository.Open(environment.CurrentDirectory, "current directory")
            : GitRepository.Open(environment.Resolve(repoOption), "--repo", repoOption);
        // git's identity variables (GIT_COMMITTER_NAME…) come from the CLI's environment, which tests supply.
        repository.GetVariable = environment.GetVariable;
        try
        {
            var policy = PolicyFiles.Load(environment, policyOption, repository.Root);
            return new RepositorySession(repository, policy, PolicyFiles.InRepository(environment, policyOption, repository.Root));
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>Every git port, implemented by this session's repository.</summary>
    public PortSet Ports() => new PortSet().AddGit(Repository);

    public void Dispose() => Repository.Dispose();
}

using Hotfix.Git;
using Hotfix.Policy.Policies;

namespace Hotfix.Cli.Infrastructure;

/// <summary>The repository named by --repo (or the current directory) and the policy that applies to it.</summary>
internal sealed class RepositorySession : IDisposable
{
    private RepositorySession(GitRepository repository, HotfixPolicy policy)
    {
        Repository = repository;
        Policy = policy;
    }

    public GitRepository Repository { get; }

    public HotfixPolicy Policy { get; }

    public static RepositorySession Open(CliEnvironment environment, string? repoOption, string? policyOption)
    {
        var repository = repoOption is null
            ? GitRepository.Open(environment.CurrentDirectory, "current directory")
            : GitRepository.Open(environment.Resolve(repoOption), "--repo", repoOption);
        try
        {
            return new RepositorySession(repository, PolicyFiles.Load(environment, policyOption, repository.Root));
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    public void Dispose() => Repository.Dispose();
}

using Hotfix.Git;
using Hotfix.Policy.Policies;

namespace Hotfix;

/// <summary>Registers a git repository with a <see cref="HotfixEngineBuilder"/>.</summary>
public static class GitRegistration
{
    /// <summary>
    /// Opens the git working tree containing <paramref name="path"/> and registers it for every repository port; the
    /// engine disposes it. Unless the host gives a policy, the repository's <c>hotfix.json</c> (at its root) applies,
    /// else the runbook's defaults — as the command line does.
    /// </summary>
    /// <exception cref="HotfixInputException">The path is not inside a usable git working tree.</exception>
    public static HotfixEngineBuilder UseGitRepository(this HotfixEngineBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var repository = GitRepository.Open(path, "repository", path);
        return builder.Own(repository).UseGitRepository(repository);
    }

    /// <summary>Registers an open repository for every repository port; the host keeps ownership of it.</summary>
    internal static HotfixEngineBuilder UseGitRepository(this HotfixEngineBuilder builder, GitRepository repository)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(repository);
        builder.Ports.AddGit(repository);
        return builder.UseDefaultPolicy(() => PolicyFile.AtRepositoryRoot(repository.Root) ?? PolicyParser.Defaults());
    }
}

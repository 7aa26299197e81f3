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

    /// <summary>
    /// Keeps incident records in the git database of the repository containing <paramref name="path"/>: one reference
    /// per incident (<c>refs/hotfix/incidents/INC-YYYY-NNNN</c>), one commit per entry, safe for concurrent appenders;
    /// never the working tree. The same store <c>hotfix record</c> reads, shared with <c>hotfix record INC --sync</c>.
    /// </summary>
    /// <exception cref="HotfixInputException">The path is not inside a usable git working tree.</exception>
    public static HotfixEngineBuilder UseGitRecords(this HotfixEngineBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string root;
        using (var repository = GitRepository.Open(path, "repository", path))
        {
            root = repository.Root;
        }

        return builder.UseIncidentRecords(new GitIncidentRecordStore(root));
    }
}

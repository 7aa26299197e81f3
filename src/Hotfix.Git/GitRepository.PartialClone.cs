using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// A partial clone (<c>git clone --filter=blob:none</c>, <c>actions/checkout</c>'s <c>filter:</c>) leaves file contents
/// on the server until git needs them. git fetches them on demand; libgit2, which reads them here, cannot, so a diff
/// or patch id meets a missing object. That is a state of the clone the user can change, not a bug in hotfix.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>Runs a read of file contents; a missing object in a partial clone becomes an input error that says how to fetch them.</summary>
    private T ReadingContents<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or LibGit2SharpException
            && e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            && PromisorRemote() is { } remote)
        {
            var filter = repository.Config.Get<string>($"remote.{remote}.partialclonefilter")?.Value;
            throw new HotfixInputException(
                $"this clone is partial ({(filter is null ? "objects are left on" : $"--filter={filter} from")} remote '{remote}'): file contents hotfix compares are not here ({e.Message.Trim()}), " +
                "and hotfix reads them through libgit2, which cannot fetch them on demand as git does; expected a clone with the contents: " +
                $"'git config --unset remote.{remote}.partialclonefilter && git fetch --refetch {remote}' (git 2.36 or later), or clone without --filter (in GitHub Actions, drop 'filter:' from actions/checkout).",
                e);
        }
    }

    /// <summary>The remote missing objects come from (<c>remote.NAME.promisor</c>), or null when this is no partial clone.</summary>
    private string? PromisorRemote() =>
        repository.Config.Get<string>("extensions.partialclone")?.Value
        ?? repository.Network.Remotes.Select(r => r.Name).FirstOrDefault(name => repository.Config.Get<bool>($"remote.{name}.promisor")?.Value == true);
}

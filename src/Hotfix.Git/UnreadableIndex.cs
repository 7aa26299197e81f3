using Hotfix.Policy;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// Index formats git can write and the git library hotfix uses (libgit2) cannot read: a repository state, not a bug in
/// hotfix. git marks such an extension "mandatory" (a lowercase signature): a reader that does not know it must stop.
/// Told apart from other failures so the user learns which setting it is and how to turn it off (exit 3, not 70).
/// </summary>
internal static class UnreadableIndex
{
    private const string Marker = "unsupported mandatory extension: '";

    /// <summary>The failure explained, when <paramref name="failure"/> (or an exception inside it) is libgit2 refusing the index.</summary>
    public static HotfixOperationException? Explain(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var at = e is LibGit2SharpException ? e.Message.IndexOf(Marker, StringComparison.Ordinal) : -1;
            if (at < 0)
            {
                continue;
            }

            var rest = e.Message[(at + Marker.Length)..];
            var extension = rest[..Math.Max(0, rest.IndexOf('\''))];
            var (feature, remedy) = extension switch
            {
                "link" => ("git's split index (core.splitIndex, git update-index --split-index)",
                    "turn it off with 'git update-index --no-split-index' and 'git config core.splitIndex false'"),
                "sdir" => ("git's sparse index (index.sparse, git sparse-checkout --sparse-index)",
                    "turn it off with 'git sparse-checkout set --no-sparse-index' followed by your sparse-checkout folders ('git sparse-checkout list' shows them)"),
                _ => ($"the index extension '{extension}'", "rewrite the index without it (check 'git config --list' for index settings)"),
            };
            return new HotfixOperationException(
                $"cannot read the repository's index (.git/index): it uses {feature}, which libgit2, the git library hotfix uses, cannot read; {remedy}, then rerun",
                "hotfix stopped when it first read the index; start and finish read it before they write anything",
                e);
        }

        return null;
    }
}

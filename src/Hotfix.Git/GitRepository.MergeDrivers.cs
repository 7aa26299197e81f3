using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// The paths git's merge hands to a merge driver that libgit2's in-memory merge does not apply. libgit2 knows only the
/// built-in text, union and binary drivers and never reads <c>merge.NAME.driver</c> or <c>merge.default</c>: for
/// <c>CHANGELOG.md merge=ours</c> with <c>merge.ours.driver true</c> it would silently merge both sides' lines (or
/// report a conflict) where git keeps ours and succeeds.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>git's built-in drivers, which libgit2 applies as git does when an attribute names them.</summary>
    private static readonly string[] BuiltInDrivers = ["text", "union", "binary"];

    private NativeRepository? commitAttributes;

    /// <summary>A handle that reads a commit's .gitattributes (see <see cref="NativeRepository.MergeAttributeAt"/>).</summary>
    private NativeRepository CommitAttributes => commitAttributes ??= NativeRepository.ForCommitAttributes(repository.Info.Path);

    /// <summary>
    /// The paths git gives to a driver (ll_merge) when merging <paramref name="theirs"/> into <paramref name="ours"/>
    /// (see <see cref="ContentMerges"/>). Of those, the ones whose driver is configured (git prefers a configured
    /// driver even over a built-in of the same name), or a built-in named by <c>merge.default</c> for a path without
    /// a merge attribute — and the ones where libgit2's merge would apply another built-in driver than git.
    /// </summary>
    /// <remarks>
    /// git merges into a branch it has checked out, so it reads that branch's committed .gitattributes (tested with
    /// git: an attribute the merged branch adds or removes does not count). libgit2's merge reads the working tree's,
    /// which may be any branch — usually the hotfix.
    /// </remarks>
    private IReadOnlyList<MergeDriverUse> DriversGitWouldRun(Commit ours, Commit theirs)
    {
        var uses = new List<MergeDriverUse>();
        foreach (var path in ContentMerges(ours, theirs))
        {
            var (kind, name) = MergeAttributeGitReads(ours.Sha, path);
            var fromDefault = false;
            if (kind == NativeGit.AttributeKind.Unspecified)
            {
                name = ConfigHandle.Config.Get<string>("merge.default")?.Value;
                fromDefault = true;
            }

            if (!string.IsNullOrEmpty(name) && ConfigHandle.Config.Get<string>($"merge.{name}.driver")?.Value is { } command)
            {
                uses.Add(new MergeDriverUse(path, name, command));
            }
            else if (fromDefault && !string.IsNullOrEmpty(name) && BuiltInDrivers.Contains(name, StringComparer.Ordinal) && name != "text")
            {
                uses.Add(new MergeDriverUse(path, name, null));
            }
            else if (BuiltIn(kind, name) is var gits && gits != BuiltIn(Unreadable(path, () => NativeHistory.MergeAttribute(path))))
            {
                uses.Add(new MergeDriverUse(path, gits, null, FromDefault: false));
            }
        }

        return uses;
    }

    /// <summary>
    /// The built-in driver git or libgit2 merges with for an attribute without a configured driver: <c>-merge</c> is
    /// binary, union and binary by name, anything else (set, unspecified, an unknown name) the text merge.
    /// </summary>
    private static string BuiltIn((NativeGit.AttributeKind Kind, string? Name) attribute) => BuiltIn(attribute.Kind, attribute.Name);

    private static string BuiltIn(NativeGit.AttributeKind kind, string? name) => kind switch
    {
        NativeGit.AttributeKind.Unset => "binary",
        NativeGit.AttributeKind.Text when name is "union" or "binary" => name,
        _ => "text",
    };

    /// <summary>
    /// Throws for a .gitattributes of the commit on <paramref name="path"/>'s folders that libgit2 would read otherwise
    /// than git: a blob not in the object database ("not found": a partial clone fetches only the checked-out branch's),
    /// which libgit2 takes for an empty file, missing a driver git would run; or a line git drops whole that libgit2
    /// reads in part (see <see cref="DroppedAttributeLines"/>).
    /// </summary>
    private void RequireAttributeFiles(string commitSha, string path)
    {
        var tree = RequireCommit(commitSha).Tree;
        for (var slash = 0; slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            var file = (slash == 0 ? string.Empty : path[..(slash + 1)]) + ".gitattributes";
            if (tree[file] is not { TargetType: TreeEntryTargetType.Blob, Mode: not Mode.SymbolicLink } entry)
            {
                continue;
            }

            if (!HistoryHandle.ObjectDatabase.Contains(entry.Target.Id))
            {
                throw new InvalidOperationException($"the blob {entry.Target.Sha} of {file} was not found");
            }

            using var reader = new StreamReader(((Blob)entry.Target).GetContentStream());
            if (DroppedAttributeLines.ThatCouldSetMerge(reader) is [var line, ..])
            {
                throw new HotfixOperationException(
                    $"{file}:{line} of commit {commitSha[..12]} has an invalid attribute name, so git ignores the whole line (git check-attr says so) while " +
                    $"libgit2, which finish merges with, reads the rest of it, and it may set the merge driver of {path}; correct or remove that line, " +
                    "or make the merge with git (git merge --no-ff)",
                    Hotfix.Policy.Workflow.Preconditions.NothingChanged);
            }
        }
    }

    /// <summary>The merge attribute git reads for <paramref name="path"/> with <paramref name="commitSha"/> checked out.</summary>
    private (NativeGit.AttributeKind Kind, string? Name) MergeAttributeGitReads(string commitSha, string path)
    {
        return Unreadable(path, () => ReadingContents(() =>
        {
            RequireAttributeFiles(commitSha, path);
            return CommitAttributes.MergeAttributeAt(commitSha, path);
        }), $"of commit {commitSha[..12]} ");
    }

    /// <summary>A lookup libgit2 fails (an unreadable file, a missing object) is the repository's state, said so: exit 3.</summary>
    private static T Unreadable<T>(string path, Func<T> read, string whose = "")
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new HotfixOperationException(
                $"the .gitattributes {whose}cannot be read to find the merge driver git would use for {path} ({e.Message.Trim()}); " +
                "check the repository with 'git fsck', or make the merge with git (git merge --no-ff)",
                Hotfix.Policy.Workflow.Preconditions.NothingChanged,
                e);
        }
    }
}

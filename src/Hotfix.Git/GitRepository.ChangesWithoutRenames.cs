using Hotfix.Policy.Changes;

namespace Hotfix.Git;

/// <summary>The change set's files read without libgit2's diff, when rename detection cannot pair anything.</summary>
internal sealed partial class GitRepository
{
    private const int RegularFile = 0x81A4; // 100644
    private const int ExecutableFile = 0x81ED; // 100755

    /// <summary>
    /// The files changed from tree <paramref name="fromTree"/> to <paramref name="toTree"/> exactly as
    /// <see cref="LibGit2Changes"/> lists them, or null when only libgit2's diff can say. libgit2's diff visits every
    /// file of both trees (20,000 on a large repository); the native comparison skips every subtree whose id is equal.
    /// </summary>
    /// <remarks>
    /// The two agree whenever every difference is a regular file that was modified (content or executable bit) or added:
    /// renames are found only from deleted or type-changed files (git diff -M, libgit2's GIT_DIFF_FIND_RENAMES without
    /// copies or rewrites), so with none of those every entry stays what the tree comparison found. A deletion, a
    /// symlink, a submodule or a file turned into a folder goes to libgit2.
    /// </remarks>
    internal List<FileChange>? ChangesWithoutRenames(string fromTree, string toTree)
    {
        var differences = NativeHistory.TreeDifferences(fromTree, toTree);
        if (!differences.TrueForAll(d => IsRegular(d.NewMode) && (d.OldMode == 0 || IsRegular(d.OldMode))))
        {
            return null;
        }

        return differences.ConvertAll(d => d.OldId is null
            ? NewFileChange(FileChangeKind.Added, d.Path, null, EntryMode.Missing, ModeOf(d.NewMode), null, d.NewId)
            : NewFileChange(FileChangeKind.Modified, d.Path, d.Path, ModeOf(d.OldMode), ModeOf(d.NewMode), d.OldId, d.NewId));
    }

    private static bool IsRegular(int mode) => mode is RegularFile or ExecutableFile;

    private static EntryMode ModeOf(int mode) => mode == ExecutableFile ? EntryMode.Executable : EntryMode.File;
}

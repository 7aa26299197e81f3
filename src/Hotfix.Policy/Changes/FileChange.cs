namespace Hotfix.Policy.Changes;

/// <summary>
/// One path in a change set: how it changed and its modes and object ids, both versions' content, and the line diff
/// between them. Contents and the diff are computed on first use, once, so consumers that only need paths pay
/// for paths.
/// </summary>
internal sealed class FileChange
{
    private const string ByteOrderMark = "\uFEFF";
    private readonly Lazy<FileContent?> oldContent;
    private readonly Lazy<FileContent?> newContent;
    private readonly Lazy<LineDiffResult> diff;

    public FileChange(
        FileChangeKind kind,
        string path,
        string? oldPath,
        EntryMode oldMode,
        EntryMode newMode,
        string? oldObjectId,
        string? newObjectId,
        Func<FileContent?> readOld,
        Func<FileContent?> readNew)
    {
        Kind = kind;
        Path = path;
        OldPath = oldPath;
        OldMode = oldMode;
        NewMode = newMode;
        OldObjectId = oldObjectId;
        NewObjectId = newObjectId;
        oldContent = new Lazy<FileContent?>(readOld);
        newContent = new Lazy<FileContent?>(readNew);
        diff = new Lazy<LineDiffResult>(ComputeDiff);
    }

    public FileChangeKind Kind { get; }

    /// <summary>The path on the branch head (for a deleted file: the path it had).</summary>
    public string Path { get; }

    /// <summary>The path at the merge base: null for an added file; differs from <see cref="Path"/> for a rename.</summary>
    public string? OldPath { get; }

    public EntryMode OldMode { get; }

    public EntryMode NewMode { get; }

    /// <summary>Blob id at the merge base (a commit id for a submodule); null when absent.</summary>
    public string? OldObjectId { get; }

    /// <summary>Blob id on the head (a commit id for a submodule); null when absent.</summary>
    public string? NewObjectId { get; }

    /// <summary>Content at the merge base; null for added files and submodules.</summary>
    public FileContent? OldContent => oldContent.Value;

    /// <summary>Content on the branch head; null for deleted files and submodules.</summary>
    public FileContent? NewContent => newContent.Value;

    /// <summary>Either version is binary (git's test: a NUL byte in the first 8000 bytes); then there are no hunks.</summary>
    public bool IsBinary => OldContent?.IsBinary == true || NewContent?.IsBinary == true;

    public IReadOnlyList<DiffHunk> Hunks => diff.Value.Hunks;

    public int AddedLines => diff.Value.AddedLines;

    public int DeletedLines => diff.Value.DeletedLines;

    public int ChangedLines => AddedLines + DeletedLines;

    /// <summary>
    /// For a rename: how much of the old content survived, in percent (100 = moved unchanged) — the share of the
    /// larger version's bytes in unchanged lines, close to git's own score. Null unless renamed.
    /// </summary>
    public int? Similarity
    {
        get
        {
            if (Kind != FileChangeKind.Renamed)
            {
                return null;
            }

            if (OldObjectId is not null && OldObjectId == NewObjectId)
            {
                return 100;
            }

            var larger = Math.Max(OldContent?.Text?.Length ?? 0, NewContent?.Text?.Length ?? 0);
            return larger == 0 ? 100 : (int)Math.Floor(100.0 * diff.Value.CommonBytes / larger);
        }
    }

    /// <summary>Only the file mode changed between two present entries (e.g. chmod +x).</summary>
    public bool IsModeChange => OldMode != NewMode && OldMode != EntryMode.Missing && NewMode != EntryMode.Missing;

    public bool IsSubmodule => OldMode == EntryMode.Submodule || NewMode == EntryMode.Submodule;

    public bool IsSymlink => OldMode == EntryMode.Symlink || NewMode == EntryMode.Symlink;

    public override string ToString() => OldPath is not null && OldPath != Path ? $"{Kind} {OldPath} -> {Path}" : $"{Kind} {Path}";

    private LineDiffResult ComputeDiff()
    {
        if (IsBinary)
        {
            return LineDiffResult.Empty;
        }

        var oldText = DiffText(OldMode, OldObjectId, OldContent);
        var newText = DiffText(NewMode, NewObjectId, NewContent);

        // Git diffs bytes: a BOM added or removed changes the first line, though the decoded texts agree.
        if (OldContent is { } before && NewContent is { } after && before.HasBom != after.HasBom)
        {
            oldText = before.HasBom ? ByteOrderMark + oldText : oldText;
            newText = after.HasBom ? ByteOrderMark + newText : newText;
        }

        return LineDiff.Compute(oldText, newText);
    }

    /// <summary>A UTF-8 BOM added or removed: "BOM added", "BOM removed", or null.</summary>
    public string? ByteOrderMarkChange =>
        OldContent is { IsBinary: false } before && NewContent is { IsBinary: false } after && before.HasBom != after.HasBom
            ? after.HasBom ? "BOM added" : "BOM removed"
            : null;

    /// <summary>What git diffs for an entry: the text, or "Subproject commit &lt;id&gt;" for a submodule.</summary>
    private static string? DiffText(EntryMode mode, string? objectId, FileContent? content) =>
        mode == EntryMode.Submodule ? $"Subproject commit {objectId}\n" : content?.Text;
}

namespace Hotfix.Policy.Changes;

/// <summary>What happened to a path between the merge base and the branch head (git's diff status letters).</summary>
internal enum FileChangeKind
{
    /// <summary>A: the path is new.</summary>
    Added,

    /// <summary>M: content and/or mode changed.</summary>
    Modified,

    /// <summary>D: the path is gone.</summary>
    Deleted,

    /// <summary>R: moved from <see cref="FileChange.OldPath"/>, possibly with edits (see <see cref="FileChange.Similarity"/>).</summary>
    Renamed,

    /// <summary>T: the entry changed type (file ↔ symlink ↔ submodule).</summary>
    TypeChanged,
}

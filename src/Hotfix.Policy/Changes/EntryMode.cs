namespace Hotfix.Policy.Changes;

/// <summary>The kind of a tree entry, as git records it in the file mode.</summary>
internal enum EntryMode
{
    /// <summary>No entry on this side (the file was added or deleted).</summary>
    Missing,

    /// <summary>100644.</summary>
    File,

    /// <summary>100755.</summary>
    Executable,

    /// <summary>120000: the content is the link target.</summary>
    Symlink,

    /// <summary>160000: a submodule; the object id is a commit of another repository.</summary>
    Submodule,
}

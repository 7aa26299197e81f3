namespace Hotfix.Git;

/// <summary>
/// One path whose entry differs between two trees: each side's object id and git file mode (octal 100644, 100755,
/// 120000, 160000 as a number); a side without the path has a null id and mode 0.
/// </summary>
internal sealed record TreeEntryDifference(string Path, string? OldId, int OldMode, string? NewId, int NewMode);

using Hotfix.Policy.Changes;
using Hotfix.Policy.Ports;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// The files a migration scan may look at: the change set's own files, and any file of the head (or the merge base)
/// through <see cref="IChangeSetReader"/> — framework configs, sibling down files and lock files the change did not touch.
/// </summary>
internal sealed class RepositoryFiles
{
    private readonly IChangeSetReader? reader;
    private readonly Dictionary<string, FileChange> changed;
    private readonly Lazy<IReadOnlyList<string>> headFiles;
    private readonly Lazy<HashSet<string>> headSet;

    public RepositoryFiles(ChangeSet changes, IChangeSetReader? reader)
    {
        Changes = changes;
        this.reader = reader;
        changed = changes.Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        headFiles = new(() => reader?.ListFiles(changes.Head) ?? changes.Files.Where(f => f.Kind != FileChangeKind.Deleted).Select(f => f.Path).ToList());
        headSet = new(() => new HashSet<string>(headFiles.Value, StringComparer.Ordinal));
    }

    public ChangeSet Changes { get; }

    /// <summary>
    /// Whether <see cref="HeadFiles"/> is the head's whole tree; without a reader it is only the change set's files, so
    /// a folder's listing would miss every migration the hotfix did not touch.
    /// </summary>
    public bool ListsWholeTree => reader is not null;

    /// <summary>Every file path of the head commit.</summary>
    public IReadOnlyList<string> HeadFiles => headFiles.Value;

    public bool ExistsAtHead(string path) => headSet.Value.Contains(path);

    /// <summary>The head version's text (changed files from the change set, others through the port); null when absent or binary.</summary>
    public string? ReadHead(string path)
    {
        if (changed.TryGetValue(path, out var change))
        {
            return change.NewContent?.Text;
        }

        return ExistsAtHead(path) ? reader?.ReadFile(Changes.Head, path)?.Text : null;
    }

    /// <summary>The merge base's text of a file; null when it did not exist there.</summary>
    public string? ReadBase(string path)
    {
        if (changed.TryGetValue(path, out var change) && change.OldPath == path)
        {
            return change.OldContent?.Text;
        }

        return reader?.ReadFile(Changes.MergeBase, path)?.Text;
    }

    /// <summary>Head files under <paramref name="directory"/> (no trailing slash; empty for the root) directly.</summary>
    public IEnumerable<string> FilesIn(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        return HeadFiles.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.IndexOf('/', prefix.Length) < 0);
    }
}

/// <summary>Path helpers with forward slashes.</summary>
internal static class RepoPath
{
    public static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Combine(string directory, string relative)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>True when <paramref name="path"/> is inside <paramref name="directory"/> (at any depth).</summary>
    public static bool IsUnder(string path, string directory) =>
        directory.Length == 0 || path.StartsWith(directory + "/", StringComparison.Ordinal);
}

using System.Text;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// git's sparse checkout, which libgit2 does not know: an index entry with the skip-worktree bit has no file by design
/// (<c>git sparse-checkout set --cone src</c> leaves docs/ out), so its missing file is no change — git status and git
/// stash say so — and a checkout updates such an entry without writing its file. A path the index does not have yet
/// is left out when the cone patterns (<c>info/sparse-checkout</c> with <c>core.sparseCheckoutCone</c>) leave it out,
/// as git's checkout does. Non-cone patterns (deprecated by git) are not evaluated: new paths are then written.
/// </summary>
internal sealed class SparseCheckout
{
    private readonly Repository repository;
    private readonly HashSet<string>? recursive;
    private readonly HashSet<string>? parents;

    private SparseCheckout(Repository repository, HashSet<string>? recursive, HashSet<string>? parents)
    {
        this.repository = repository;
        this.recursive = recursive;
        this.parents = parents;
    }

    public static SparseCheckout Of(Repository repository)
    {
        if (!Setting(repository, "core.sparseCheckout") || !Setting(repository, "core.sparseCheckoutCone"))
        {
            return new SparseCheckout(repository, null, null);
        }

        var file = Path.Combine(repository.Info.Path, "info", "sparse-checkout");
        if (!File.Exists(file))
        {
            return new SparseCheckout(repository, null, null);
        }

        // Cone mode writes "/dir/" for each folder it includes and "!/dir/*/" right after for a folder included only
        // for its own files (a parent of a deeper cone).
        var included = new List<string>();
        var parentsOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(file, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.StartsWith("!/", StringComparison.Ordinal) && line.EndsWith("/*/", StringComparison.Ordinal) && line.Length > 5)
            {
                parentsOnly.Add(line[2..^3]);
            }
            else if (line.StartsWith('/') && line.EndsWith('/') && line.Length > 2 && !line.Contains('*', StringComparison.Ordinal))
            {
                included.Add(line[1..^1]);
            }
        }

        return new SparseCheckout(
            repository,
            included.Where(d => !parentsOnly.Contains(d)).ToHashSet(StringComparer.Ordinal),
            parentsOnly);
    }

    /// <summary>
    /// A boolean as git reads it: <c>git sparse-checkout</c> writes its settings to the worktree's own config.worktree
    /// (extensions.worktreeConfig), which libgit2 does not read, and which wins over the repository's config.
    /// </summary>
    private static bool Setting(Repository repository, string key)
    {
        var worktreeConfig = Path.Combine(repository.Info.Path, "config.worktree");
        if (repository.Config.Get<bool>("extensions.worktreeConfig")?.Value == true && File.Exists(worktreeConfig))
        {
            using var own = Configuration.BuildFrom(worktreeConfig);
            if (own.Get<bool>(key, ConfigurationLevel.Local) is { } value)
            {
                return value.Value;
            }
        }

        return repository.Config.Get<bool>(key)?.Value == true;
    }

    /// <summary>True when git leaves <paramref name="path"/>'s file out: its index entry has the skip-worktree bit.</summary>
    public static unsafe bool SkipsWorktree(Repository repository, string path) =>
        WithIndex(repository, index =>
        {
            var entry = NativeGit.IndexGetByPath(index, path, 0);
            return entry != null && (entry->FlagsExtended & NativeGit.SkipWorktreeFlag) != 0;
        });

    /// <summary>
    /// Whether a checkout leaves <paramref name="path"/>'s file out: by its index entry's bit when the index has it, by
    /// the cone patterns when it is new.
    /// </summary>
    public bool LeavesOut(string path, bool indexed) =>
        indexed ? SkipsWorktree(repository, path) : recursive is not null && !InCone(path);

    /// <summary>Sets <paramref name="path"/>'s index entry to <paramref name="blob"/>, keeping (or giving it) the skip-worktree bit.</summary>
    public unsafe void StageSkipped(string path, ObjectId blob, Mode mode)
    {
        var done = WithIndex(repository, index =>
        {
            var entry = default(NativeGit.IndexEntryStruct);
            entry.Mode = (uint)mode;
            blob.RawId.AsSpan().CopyTo(new Span<byte>(entry.Id, 20));
            entry.Flags = NativeGit.ExtendedFlag;
            entry.FlagsExtended = NativeGit.SkipWorktreeFlag;
            var bytes = Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* name = bytes)
            {
                entry.Path = name;
                return NativeGit.IndexAdd(index, &entry) == 0;
            }
        });
        if (!done)
        {
            throw new InvalidOperationException($"libgit2 failed (stage {path} outside the sparse checkout): {NativeGit.LastErrorMessage()}");
        }
    }

    private bool InCone(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return true;
        }

        var folder = path[..slash];
        if (parents!.Contains(folder))
        {
            return true;
        }

        for (var dir = folder; dir.Length > 0; dir = dir.LastIndexOf('/') is var s and > 0 ? dir[..s] : string.Empty)
        {
            if (recursive!.Contains(dir))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WithIndex(Repository repository, Func<IntPtr, bool> use)
    {
        if (LibGit2SharpHandles.RepositoryPointer(repository) is not { } handle || NativeGit.RepositoryIndex(out var index, handle) != 0)
        {
            return false;
        }

        try
        {
            return use(index);
        }
        finally
        {
            NativeGit.IndexFree(index);
        }
    }
}

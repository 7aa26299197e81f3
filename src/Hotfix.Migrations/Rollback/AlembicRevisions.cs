using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// Alembic's names for the forward migrations of one versions folder: a fresh revision id each (Alembic's own are
/// random, twelve hex digits) and the <c>down_revision</c> it follows — the folder's one head at the hotfix's head
/// (the revision no other revises), then the undo planned before it. Several heads, or revisions Hotfix cannot read,
/// leave both placeholders with the reason: a wrong <c>down_revision</c> makes a second head or a cycle.
/// </summary>
internal sealed partial class AlembicRevisions
{
    private readonly HashSet<string> taken;
    private readonly string? failure;
    private string? after;
    private string note;

    private AlembicRevisions(HashSet<string> taken, string? head, string note, string? failure)
    {
        this.taken = taken;
        after = head;
        this.note = note;
        this.failure = failure;
    }

    public static AlembicRevisions Of(RepositoryFiles? files, string folder)
    {
        var where = folder.Length == 0 ? "the repository's root" : folder + "/";
        if (files is not { ListsWholeTree: true })
        {
            return Failed($"{where} could not be listed (the host gave Hotfix no repository reader)");
        }

        var at = $"{where} at {files.Changes.Head[..Math.Min(7, files.Changes.Head.Length)]}";
        var revisions = new List<(string Id, IReadOnlyList<string> Revises, string Path)>();
        foreach (var path in files.FilesIn(folder).Where(p => p.EndsWith(".py", StringComparison.Ordinal)))
        {
            var text = files.ReadHead(path);
            if (text is null || Revision().Match(text) is not { Success: true } revision)
            {
                continue;
            }

            if (DownRevision().Match(text) is not { Success: true } down)
            {
                return Failed($"{path} declares revision {revision.Groups["id"].Value} but no down_revision Hotfix can read");
            }

            revisions.Add((revision.Groups["id"].Value, Quoted().Matches(down.Groups["v"].Value).Select(m => m.Groups["id"].Value).ToList(), path));
        }

        var revised = revisions.SelectMany(r => r.Revises).ToHashSet(StringComparer.Ordinal);
        var heads = revisions.Where(r => !revised.Contains(r.Id)).ToList();
        var ids = revisions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return heads.Count switch
        {
            0 => Failed($"no revision in {at} is a head (none declares a revision id Hotfix can read, or they revise each other)"),
            > 1 => Failed($"{at} has {heads.Count} heads ({string.Join(", ", heads.Select(h => $"{h.Id} in {h.Path}"))}): merge them (`alembic merge heads`) or say which the undo follows"),
            _ => new(ids, heads[0].Id, $"the head of {at}, {heads[0].Id} ({heads[0].Path}), the revision no other one revises", null),
        };
    }

    /// <summary>The next forward migration's revision id (its value) and the revision it follows.</summary>
    public MigrationName Next()
    {
        if (failure is not null)
        {
            return new(null, $"The revision and its down_revision stay placeholders: {failure}.");
        }

        string id;
        do
        {
            id = RandomNumberGenerator.GetHexString(12, lowercase: true);
        }
        while (!taken.Add(id));

        var name = new MigrationName(id, $"Revision {id}: a fresh id, as Alembic's are random; down_revision {after}: {note}.", after);
        after = id;
        note = $"the undo planned before it (the hotfix's newer migration is undone first)";
        return name;
    }

    private static AlembicRevisions Failed(string reason) => new([], null, string.Empty, reason);

    [GeneratedRegex(@"^revision\s*(?::[^=\n]*)?=\s*['""](?<id>[^'""]+)['""]", RegexOptions.Multiline)]
    private static partial Regex Revision();

    /// <summary>The value of <c>down_revision</c>: a quoted id, None, or a tuple of ids (a merge), over lines when in brackets.</summary>
    [GeneratedRegex(@"^down_revision\s*(?::[^=\n]*)?=\s*(?<v>\([^)]*\)|\[[^\]]*\]|[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex DownRevision();

    [GeneratedRegex(@"['""](?<id>[^'""]+)['""]")]
    private static partial Regex Quoted();
}

using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;
using Hotfix.Policy.Changes;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The migration before a migration, which the framework's rollback command targets: Django's
/// <c>migrate &lt;app&gt; &lt;previous&gt;</c> takes it from the migration's own dependency on its app (<c>zero</c>
/// when it has none), EF Core's <c>database update &lt;previous&gt;</c> and Entity Framework 6's
/// <c>Update-Database -TargetMigration &lt;previous&gt;</c> from the migration ids of its folder (<c>0</c>,
/// <c>$InitialDatabase</c> when it is the first).
/// </summary>
internal static partial class PreviousMigrations
{
    public static MigrationName? Of(DetectedMigration migration) => migration.Framework switch
    {
        MigrationFramework.Django => Django(migration),
        MigrationFramework.EfCore => ByMigrationId(migration, EfCore),
        MigrationFramework.Ef6 => ByMigrationId(migration, Ef6),
        _ => null,
    };

    private static MigrationName Django(DetectedMigration migration)
    {
        var app = ForwardMigrationFormats.DjangoApp(migration.Path);
        var text = migration.Change == FileChangeKind.Deleted ? migration.Files?.ReadBase(migration.Path) : migration.Files?.ReadHead(migration.Path);
        if (text is null)
        {
            return Unknown($"{migration.Path} could not be read");
        }

        if (!DependenciesAssigned().IsMatch(text))
        {
            return new("zero", $"`zero`: {RepoPath.FileName(migration.Path)} declares no dependencies, so it is the first migration of {app} and `zero` unapplies every migration of the app.");
        }

        if (!DependenciesStart().IsMatch(text) || DependencyList(text) is not { } list)
        {
            return Unknown($"its dependencies are not a list Hotfix can read in {migration.Path}");
        }

        var dependencies = Dependency().Matches(list).Select(m => (App: m.Groups["app"].Value, Name: m.Groups["name"].Value)).ToList();
        var own = dependencies.Where(d => d.App == app).Select(d => d.Name).Distinct(StringComparer.Ordinal).ToList();
        switch (own.Count)
        {
            case 1:
                return new(own[0], $"`{own[0]}`: the migration before it, from its dependency on its own app, (\"{app}\", \"{own[0]}\").");
            case > 1:
                return Unknown($"it depends on {own.Count} migrations of {app} ({string.Join(", ", own)}): migrate back to the one that should stay");
        }

        // A dependency on a file of its own folder under another label: the app's config renames it, and `zero` would be wrong.
        var folder = RepoPath.Directory(migration.Path);
        if (dependencies.FirstOrDefault(d => migration.Files?.ExistsAtHead(RepoPath.Combine(folder, d.Name + ".py")) == true) is { App: not null } renamed)
        {
            return Unknown($"it depends on (\"{renamed.App}\", \"{renamed.Name}\"), a migration of its own folder under another label: the app label may not be {app}");
        }

        return new("zero", $"`zero`: its dependencies name no earlier migration of {app}, so it is the app's first and `zero` unapplies every migration of the app.");
    }

    /// <summary>How a framework names its migrations by id: from a file's name, or from its code or its designer's.</summary>
    private sealed record IdScheme(string Framework, Regex FileId, Regex DeclaredId, string Declaration, string First, string FirstMeans);

    private static readonly IdScheme EfCore = new("EF Core", EfCoreFileId(), EfCoreAttribute(), "a [Migration(\"…\")] attribute", "0", "`0` unapplies every migration");

    // EF6 stamps ids to a tenth of a second (yyyyMMddHHmmssf) and declares them in the designer's IMigrationMetadata.Id.
    private static readonly IdScheme Ef6 = new("Entity Framework 6", Ef6FileId(), Ef6MetadataId(), "the designer's IMigrationMetadata.Id", "$InitialDatabase", "`$InitialDatabase` unapplies every migration");

    private static MigrationName ByMigrationId(DetectedMigration migration, IdScheme scheme)
    {
        var folder = RepoPath.Directory(migration.Path);
        var where = (folder.Length == 0 ? "the repository's root" : folder + "/");
        if (migration.Files is not { ListsWholeTree: true } files)
        {
            return Unknown($"{where} could not be listed (the host gave Hotfix no repository reader)");
        }

        if (MigrationId(migration.Path, files, scheme) is not { } own)
        {
            return Unknown($"the migration id of {migration.Path} is neither its file name's timestamp prefix nor in {scheme.Declaration} Hotfix can read");
        }

        var at = $"{where} at {files.Changes.Head[..Math.Min(7, files.Changes.Head.Length)]}";
        var previous = files.FilesIn(folder)
            .Where(p => p != migration.Path)
            .Select(p => MigrationId(p, files, scheme))
            .OfType<string>()
            .Where(id => string.CompareOrdinal(id, own) < 0)
            .Max(StringComparer.Ordinal);
        return previous is null
            ? new(scheme.First, $"`{scheme.First}`: {own} has the lowest migration id in {at}, so {scheme.FirstMeans}.")
            : new(previous, $"`{previous}`: the migration id before {own} in {at} ({scheme.Framework} applies migrations in id order).");
    }

    /// <summary>
    /// The migration id of a file of the migrations folder: its name's timestamp and name (<c>yyyyMMddHHmmss_Name</c>),
    /// else the id declared in the file or its designer file; null for anything else (the model snapshot).
    /// </summary>
    private static string? MigrationId(string path, RepositoryFiles files, IdScheme scheme)
    {
        var name = RepoPath.FileName(path);
        if (!name.EndsWith(".cs", StringComparison.Ordinal) || name.EndsWith(".Designer.cs", StringComparison.Ordinal))
        {
            return null;
        }

        if (scheme.FileId.Match(name) is { Success: true } byName)
        {
            return byName.Groups["id"].Value;
        }

        var designer = path[..^3] + ".Designer.cs";
        return new[] { designer, path }.Select(files.ReadHead).OfType<string>()
            .Select(text => scheme.DeclaredId.Match(text)).FirstOrDefault(m => m.Success)?.Groups["id"].Value;
    }

    private static MigrationName Unknown(string reason) => new(null, $"The migration before it stays a placeholder: {reason}.");

    /// <summary>The text inside the brackets of <c>dependencies = [ … ]</c>, comments removed; null when it is not a literal list.</summary>
    private static string? DependencyList(string text)
    {
        var start = DependenciesStart().Match(text);
        var depth = 0;
        for (var i = start.Index + start.Length - 1; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return Comment().Replace(text[(start.Index + start.Length)..i], string.Empty);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*dependencies\s*=", RegexOptions.Multiline)]
    private static partial Regex DependenciesAssigned();

    [GeneratedRegex(@"^\s*dependencies\s*=\s*\[", RegexOptions.Multiline)]
    private static partial Regex DependenciesStart();

    [GeneratedRegex(@"\(\s*(?<q>['""])(?<app>[^'""]+)\k<q>\s*,\s*(?<r>['""])(?<name>[^'""]+)\k<r>\s*,?\s*\)")]
    private static partial Regex Dependency();

    [GeneratedRegex(@"#[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<id>[0-9]{14}_\w+)\.cs$")]
    private static partial Regex EfCoreFileId();

    [GeneratedRegex(@"\[\s*Migration\s*\(\s*""(?<id>[^""]+)""\s*\)\s*\]")]
    private static partial Regex EfCoreAttribute();

    [GeneratedRegex(@"^(?<id>[0-9]{15}_\w+)\.cs$")]
    private static partial Regex Ef6FileId();

    [GeneratedRegex(@"IMigrationMetadata\.Id\s*(?:\{\s*get\s*\{\s*return|=>)\s*""(?<id>[^""]+)""")]
    private static partial Regex Ef6MetadataId();
}

using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// FluentMigrator (.NET; nopCommerce and many line-of-business apps): a <c>[Migration(version)]</c> class deriving from
/// <c>Migration</c> (an <c>Up()</c> and a <c>Down()</c>), <c>AutoReversingMigration</c> (only <c>Up()</c>; FluentMigrator
/// derives the down, and cannot for a <c>Delete</c>) or <c>ForwardOnlyMigration</c> (no down). The steps are fluent chains:
/// <c>Delete.Column("Note").FromTable("Orders")</c>, <c>Alter.Table("Orders").AddColumn("Note").AsString(500)</c>.
/// The runner (<c>FluentMigrator.Runner.SqlServer</c>, <c>.Postgres</c> …) referenced by a project names the database.
/// </summary>
internal sealed partial class FluentMigratorFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.FluentMigrator;

    /// <summary>Versions live in the attribute, not the file name: <see cref="RunBefore"/> orders the history by them.</summary>
    public MigrationFrameworkFacts Facts { get; } = new("fluentmigrator", "FluentMigrator", DownSupport.Expected, NamesSortInRunOrder: false, Source: SourceLanguage.CSharp);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && text.Contains("FluentMigrator", StringComparison.Ordinal) && MigrationClass().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var root = CSharpSyntaxTree.ParseText(text, CSharpCall.ParseOptions).GetRoot();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => BaseName(c) is not null).ToList();
        var pieces = new List<MigrationPiece>();
        foreach (var type in classes)
        {
            var body = new MigrationBody();
            var up = CSharpCall.ParameterlessMethod(type, "Up");
            var down = CSharpCall.ParameterlessMethod(type, "Down");
            if (up is not null)
            {
                body.Up.AddRange(FluentMigratorCalls.Operations(up, database));
            }

            switch (BaseName(type))
            {
                case "ForwardOnlyMigration":
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = "a ForwardOnlyMigration: FluentMigrator throws when it is rolled back";
                    break;
                case "AutoReversingMigration":
                    // FluentMigrator reverses Create, Rename and Alter.Table().AddColumn(); a Delete it cannot.
                    var deletes = body.Up.FirstOrDefault(o => o.Kind is MigrationOperationKind.DropTable or MigrationOperationKind.DropColumn
                        or MigrationOperationKind.DropIndex or MigrationOperationKind.DropConstraint or MigrationOperationKind.DeleteData
                        or MigrationOperationKind.RawSql or MigrationOperationKind.UpdateData or MigrationOperationKind.AlterColumn);
                    body.DownStatus = deletes is null ? DownStatus.Automatic : DownStatus.Irreversible;
                    body.DownDetail = deletes is null
                        ? "an AutoReversingMigration: FluentMigrator derives the down from the up"
                        : $"an AutoReversingMigration whose up has a step FluentMigrator cannot reverse ({deletes.Text}): the rollback throws";
                    body.DownLine = deletes?.Line;
                    break;
                default:
                    if (down is null)
                    {
                        body.DownStatus = DownStatus.Missing;
                        body.DownDetail = "Down() is not overridden";
                    }
                    else
                    {
                        body.DownLine = down.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        body.Down.AddRange(FluentMigratorCalls.Operations(down, database));
                    }

                    break;
            }

            pieces.Add(new MigrationPiece(classes.Count > 1 ? type.Identifier.Text : null, body, type.ToFullString(), type.GetLocation().GetLineSpan().StartLinePosition.Line + 1));
        }

        return pieces;
    }

    /// <summary>
    /// The migrations with a lower <c>[Migration(version)]</c>, lowest first: the runner applies them in that order,
    /// whatever their files are called. They are looked for beside the migration and below the nearest folder named
    /// <c>Migrations</c> above it (projects keep one folder per release under it).
    /// </summary>
    public IReadOnlyList<string>? RunBefore(string upPath, RepositoryFiles files)
    {
        if (Version(files.ReadHead(upPath)) is not { } own)
        {
            return [];
        }

        var folder = RepoPath.Directory(upPath);
        var root = folder;
        for (var at = folder; at.Length > 0; at = RepoPath.Directory(at))
        {
            if (RepoPath.FileName(at).Equals("Migrations", StringComparison.OrdinalIgnoreCase))
            {
                root = at;
                break;
            }
        }

        var prefix = root.Length == 0 ? string.Empty : root + "/";
        return files.HeadFiles
            .Where(p => p != upPath && p.StartsWith(prefix, StringComparison.Ordinal) && p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                && (root != folder || RepoPath.Directory(p) == folder))
            .Select(p => (Path: p, Version: Version(files.ReadHead(p))))
            .Where(m => m.Version < own)
            .OrderBy(m => m.Version)
            .Select(m => m.Path)
            .ToList();
    }

    /// <summary>Every <c>[Migration(…)]</c> version a file declares, in its digits (C# digit separators dropped).</summary>
    internal static IEnumerable<string> DeclaredVersions(string? text) =>
        VersionAttribute().Matches(text ?? string.Empty).Select(m => m.Groups["version"].Value.Replace("_", string.Empty, StringComparison.Ordinal));

    /// <summary>The lowest <c>[Migration(…)]</c> version a file declares.</summary>
    private static long? Version(string? text)
    {
        long? lowest = null;
        foreach (var declared in DeclaredVersions(text))
        {
            if (long.TryParse(declared, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                lowest = lowest is null ? version : Math.Min(lowest.Value, version);
            }
        }

        return lowest;
    }

    private static string? BaseName(ClassDeclarationSyntax type) =>
        type.BaseList?.Types.Select(t => t.Type is QualifiedNameSyntax q ? q.Right.Identifier.Text : t.Type.ToString())
            .FirstOrDefault(n => n is "Migration" or "AutoReversingMigration" or "ForwardOnlyMigration");

    [GeneratedRegex(@"\[\s*(?:FluentMigrator\.)?Migration(?:Attribute)?\s*\(|:\s*(?:FluentMigrator\.)?(?:AutoReversingMigration|ForwardOnlyMigration)\b")]
    private static partial Regex MigrationClass();

    [GeneratedRegex(@"\[\s*(?:FluentMigrator\.)?Migration(?:Attribute)?\s*\(\s*(?<version>\d[\d_]*)[lL]?\s*[,)]")]
    private static partial Regex VersionAttribute();
}

using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Doctrine Migrations (Symfony, Laminas): <c>Version&lt;timestamp&gt;.php</c>, a class extending
/// <c>AbstractMigration</c> whose <c>up(Schema $schema)</c> and <c>down(Schema $schema)</c> run SQL through
/// <c>$this-&gt;addSql('…')</c> — what <c>doctrine:migrations:diff</c> generates — or change the <c>Schema</c>
/// (<see cref="DoctrineSchemaCalls"/>). A down that calls
/// <c>throwIrreversibleMigrationException()</c> cannot run. The database comes from the generated platform guard
/// (<c>abortIf(… !== 'mysql')</c>, <c>instanceof PostgreSQLPlatform</c>) or <c>DATABASE_URL</c>.
/// </summary>
internal sealed partial class DoctrineFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Doctrine;

    public MigrationFrameworkFacts Facts { get; } = new("doctrine", "Doctrine Migrations", DownSupport.Expected, Source: SourceLanguage.Php);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        FileName().IsMatch(RepoPath.FileName(path)) && text.Contains("AbstractMigration", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        database = database == MigrationDatabase.Unknown ? Platform(text) : database;
        var code = new CodeText(text, SourceLanguage.Php);
        var body = DslSupport.UpAndDown(code, Definition(), (from, to) => Operations(code, from, to, database), "the migration has up() but no down()");
        if (database is MigrationDatabase.PostgreSql or MigrationDatabase.Unknown
            && body.Down.RemoveAll(op => op.Kind == MigrationOperationKind.CreateSchema && MigrationOperation.NormalizeName(op.Name) == "public") > 0)
        {
            // DBAL's PostgreSQL platform puts it in every generated down: it undoes nothing of the up — and fails where the schema exists.
            body.Notes.Add("The down's `CREATE SCHEMA public` is Doctrine DBAL's generated boilerplate, not an inverse of the up: it fails on a database that has the public schema (nearly every one does), so delete that line before rolling back.");
        }

        if (body.DownStatus is null && body.DownLine is { } line && Irreversible().Match(code.Mask) is { Success: true } irreversible && code.LineOf(irreversible.Index) >= line)
        {
            body.DownStatus = DownStatus.Irreversible;
            body.DownDetail = "down() calls throwIrreversibleMigrationException()";
            body.DownLine = code.LineOf(irreversible.Index);
        }

        body.Database = database == MigrationDatabase.Unknown ? null : database;
        return [new MigrationPiece(null, body, text)];
    }

    /// <summary>The steps of up() or down(): the SQL of <c>addSql</c> and the Schema API calls, in the order they are written.</summary>
    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database) =>
        code.Calls(from, to, n => n == "addSql")
            .Select(call => (call.Start, Ops: DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text).ToList()))
            .Concat(DoctrineSchemaCalls.Read(code, from, to).Select(step => (step.Start, Ops: new List<MigrationOperation> { step.Op })))
            .OrderBy(step => step.Start)
            .SelectMany(step => step.Ops);

    /// <summary>The platform the generated guard names: <c>getName() !== 'mysql'</c>, <c>instanceof PostgreSQLPlatform</c>.</summary>
    private static MigrationDatabase Platform(string text) =>
        PlatformGuard().Match(text) is { Success: true } guard ? MigrationSettings.FromName(guard.Groups["name"].Value) : MigrationDatabase.Unknown;

    [GeneratedRegex(@"^Version\w*[0-9]{6,}\w*\.php$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"function\s+(?<name>up|down)\s*\(")]
    private static partial Regex Definition();

    [GeneratedRegex(@"throwIrreversibleMigrationException\s*\(")]
    private static partial Regex Irreversible();

    [GeneratedRegex("""(?:getName\(\)\s*!==?\s*["'](?<name>\w+)["']|instanceof\s+\\?(?:[\w\\]+\\)?(?<name>PostgreSQL|MySQL|MariaDB|SQLite|SQLServer)\w*Platform)""")]
    private static partial Regex PlatformGuard();
}

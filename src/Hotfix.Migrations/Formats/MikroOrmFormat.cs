using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// MikroORM (TypeScript): <c>Migration&lt;timestamp&gt;.ts</c>, a class extending <c>Migration</c> from
/// <c>@mikro-orm/migrations</c> whose <c>up()</c> and <c>down()</c> run SQL through <c>this.addSql('…')</c> — what
/// <c>mikro-orm migration:create</c> generates — or, written by hand, <c>await this.execute('…')</c>, which runs it at
/// once (documented for statements whose result the migration reads). The driver in <c>mikro-orm.config.*</c> names the database.
/// </summary>
internal sealed partial class MikroOrmFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.MikroOrm;

    public MigrationFrameworkFacts Facts { get; } = new("mikro-orm", "MikroORM", DownSupport.Expected, Source: SourceLanguage.JavaScript);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        DslSupport.IsJavaScript(path) && text.Contains("@mikro-orm/migrations", StringComparison.Ordinal)
            && (text.Contains("addSql", StringComparison.Ordinal) || ThisExecute().IsMatch(text))
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => code.Calls(from, to, n => n is "addSql" or "execute")
            .Where(call => call.Name == "addSql" || call.Receiver == "this")
            .SelectMany(call => DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text)), "the migration has up() but no down()");

    [GeneratedRegex(@"(?:async\s+)?\b(?<name>up|down)\s*\(\s*\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\bthis\.execute\s*\(")]
    private static partial Regex ThisExecute();
}

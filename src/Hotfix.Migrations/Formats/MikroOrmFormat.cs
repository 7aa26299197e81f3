using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// MikroORM (TypeScript): <c>Migration&lt;timestamp&gt;.ts</c>, a class extending <c>Migration</c> from
/// <c>@mikro-orm/migrations</c> whose <c>up()</c> and <c>down()</c> run SQL through <c>this.addSql('…')</c> — what
/// <c>mikro-orm migration:create</c> generates. The driver in <c>mikro-orm.config.*</c> names the database.
/// </summary>
internal sealed partial class MikroOrmFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.MikroOrm;

    public MigrationFrameworkFacts Facts { get; } = new("mikro-orm", "MikroORM", DownSupport.Expected, Source: SourceLanguage.JavaScript);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        DslSupport.IsJavaScript(path) && text.Contains("@mikro-orm/migrations", StringComparison.Ordinal) && text.Contains("addSql", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => DslSupport.SqlCalls(code, from, to, "addSql", database), "the migration has up() but no down()");

    [GeneratedRegex(@"(?:async\s+)?\b(?<name>up|down)\s*\(\s*\)")]
    private static partial Regex Definition();
}

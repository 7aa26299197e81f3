using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Supabase CLI migrations: <c>supabase/migrations/&lt;14-digit timestamp&gt;_&lt;name&gt;.sql</c>, plain PostgreSQL with no
/// down (<c>supabase migration repair</c> only edits the history table). <c>supabase/seed.sql</c> is no migration.
/// </summary>
internal sealed partial class SupabaseFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Supabase;

    public MigrationFrameworkFacts Facts { get; } = new(
        "supabase", "Supabase", DownSupport.None,
        "Supabase migrations have no down (`supabase migration repair` only edits the history table, it does not revert a database)");

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        Path().IsMatch(path) ? new MigrationFileMatch(Framework, MigrationFileRole.Migration) : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.WithoutDown(text, database)];

    [GeneratedRegex(@"(^|/)supabase/migrations/[0-9]{14}_[^/]*\.sql$")]
    private static partial Regex Path();
}

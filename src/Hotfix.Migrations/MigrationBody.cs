namespace Hotfix.Migrations;

/// <summary>
/// What a framework reader found in one migration: the up operations, the down operations, and — when the reader can
/// tell from the source alone — the down's status (missing, empty, raising, automatic). When the reader leaves
/// <see cref="DownStatus"/> null, the inversion check compares the two directions.
/// </summary>
internal sealed class MigrationBody
{
    public List<MigrationOperation> Up { get; } = [];

    public List<MigrationOperation> Down { get; } = [];

    /// <summary>
    /// Steps a derived down runs besides undoing the up (Rails' <c>reversible</c> <c>dir.down</c> blocks in <c>change</c>):
    /// not the whole down, but they say what the up changed a column from, and what rolling back costs.
    /// </summary>
    public List<MigrationOperation> DownOnly { get; } = [];

    public DownStatus? DownStatus { get; set; }

    /// <summary>Why the down has its status, for people (e.g. "Down() throws NotSupportedException").</summary>
    public string? DownDetail { get; set; }

    /// <summary>Where the down starts (or the line that makes it irreversible).</summary>
    public int? DownLine { get; set; }

    /// <summary>The down lives in the same file as the up (EF, Rails, dbmate…), not a sibling file.</summary>
    public bool DownInSameFile { get; set; } = true;

    /// <summary>The database the file itself reveals (e.g. EF Core provider annotations), when configuration did not say.</summary>
    public MigrationDatabase? Database { get; set; }

    /// <summary>Things a reviewer should know that are not findings (e.g. "Down() not overridden").</summary>
    public List<string> Notes { get; } = [];

    /// <summary>
    /// The tables of models this migration declares without a database table of their own (Django proxy and unmanaged
    /// models): operations on them in later migrations change Django's state, not the database.
    /// </summary>
    public HashSet<string> TablelessModels { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Tables this migration gives a name other than the framework's default (Django's <c>db_table</c>): later
    /// migrations name the default, the history and the database the declared one.
    /// </summary>
    public Dictionary<string, string> ModelTables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The SQL files the migration runs (Liquibase's <c>sqlFile</c>) with the text they had at the migration's commit:
    /// part of what ran, so an edit of one is an edit of the migration.
    /// </summary>
    public Dictionary<string, string> IncludedFiles { get; } = new(StringComparer.Ordinal);
}

/// <summary>One migration inside a file: most files hold one; a Liquibase changelog holds one per changeset.</summary>
/// <param name="Id">The changeset id (author:id) when a file holds several, else null.</param>
/// <param name="Fingerprint">The migration's own text, to tell an edited changeset from an untouched one.</param>
/// <param name="Line">Where the migration starts in its file.</param>
/// <param name="EndLine">Where it ends, when the file holds several (allow comments apply to the migration they are in).</param>
/// <param name="Body">What the reader found in it: the up and down operations and the down's status.</param>
internal sealed record MigrationPiece(string? Id, MigrationBody Body, string Fingerprint, int Line = 1, int? EndLine = null);

using Hotfix.Policy.Changes;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// The schema the earlier migrations of a folder built, replayed from their up operations: which columns each table
/// has and the last type each column was given. A migration says what it changes, rarely what was there before
/// (a SQL <c>ALTER COLUMN … TYPE</c>, Rails <c>change_column</c>, Django <c>AlterField</c>); the history says it, as
/// a reviewer who reads the earlier migrations would.
/// </summary>
internal sealed class SchemaHistory
{
    private static readonly VersionOrder FileOrder = VersionOrder.Instance;

    private readonly Dictionary<string, Table> tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> tableless = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> declaredTables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> hotfixTables = new(StringComparer.Ordinal);
    private bool replayingHotfix;

    /// <summary>Default table names that earlier migrations declared another name for (Django's <c>db_table</c>).</summary>
    public IReadOnlyDictionary<string, string> DeclaredTables => declaredTables;

    /// <summary>
    /// Gives the steps the tables their models were declared with (<see cref="MigrationBody.ModelTables"/>): a later
    /// migration names the model, so its steps carry the default table name.
    /// </summary>
    public static void UseDeclaredTables(IEnumerable<MigrationOperation> steps, IReadOnlyDictionary<string, string> declared)
    {
        if (declared.Count == 0)
        {
            return;
        }

        string? Declared(string? table) => table is not null && declared.TryGetValue(table, out var name) ? name : table;
        foreach (var step in steps)
        {
            step.Table = Declared(step.Table);
            step.ReferencedTable = Declared(step.ReferencedTable);
            if (step.InlineKeys is { } keys)
            {
                UseDeclaredTables(keys, declared);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="table"/> was created by an earlier migration the hotfix adds: production has it only once
    /// the hotfix's migrations run, and the running version never read it (a staging table filled in one migration and
    /// dropped in the next).
    /// </summary>
    public bool CreatedByHotfix(string table) => hotfixTables.Contains(Key(table));

    /// <summary>Whether an earlier migration declared the model without a table of its own (a Django proxy or unmanaged model).</summary>
    public bool IsTableless(string table) => tableless.Contains(Key(table));

    /// <summary>The columns of <paramref name="table"/>, or null when no earlier migration listed them.</summary>
    public IReadOnlyCollection<string>? ColumnsOf(string table) =>
        tables.TryGetValue(Key(table), out var t) && t.ColumnsKnown ? t.Types.Keys.ToList() : null;

    /// <summary>The type an earlier migration last gave the column, or null when none did.</summary>
    public string? TypeOf(string? table, string? column) =>
        table is not null && column is not null && tables.TryGetValue(Key(table), out var t) && t.Types.TryGetValue(MigrationOperation.NormalizeName(column), out var type)
            ? type : null;

    /// <summary>Whether an earlier migration last made the column nullable (true) or NOT NULL (false); null when none said.</summary>
    public bool? NullableOf(string? table, string? column) =>
        table is not null && column is not null && tables.TryGetValue(Key(table), out var t) && t.Nullable.TryGetValue(MigrationOperation.NormalizeName(column), out var nullable)
            ? nullable : null;

    /// <summary>
    /// The history before <paramref name="path"/>: the migrations of the same format that ran before it — its folder's
    /// that sort before it, or the chain the framework itself keeps (<see cref="IMigrationFormat.RunBefore"/>).
    /// </summary>
    public static SchemaHistory Before(string path, IMigrationFormat format, RepositoryFiles files, MigrationSettings settings, MigrationDatabase database)
    {
        var history = new SchemaHistory();
        var earlier = format.RunBefore(path, files) ?? (format.Framework.NamesSortInRunOrder() ? Earlier(path, files) : []);
        foreach (var file in earlier)
        {
            var text = files.ReadHead(file);
            if (text is null || format.Match(file, text, settings, files)?.Role != MigrationFileRole.Migration)
            {
                continue;
            }

            history.replayingHotfix = files.Changes.Find(file) is { Kind: FileChangeKind.Added };
            try
            {
                foreach (var piece in IncludedSql.Expand(format.Read(file, text, null, null, database), file, files.ReadHead, files, database))
                {
                    UseDeclaredTables(piece.Body.Up, history.declaredTables);
                    history.Replay(piece.Body.Up);
                    history.tableless.UnionWith(piece.Body.TablelessModels.Select(Key));
                    foreach (var (model, table) in piece.Body.ModelTables)
                    {
                        history.declaredTables[model] = table;
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An unreadable earlier migration leaves gaps in the history; it never stops the check.
            }
        }

        foreach (var (table, columns) in format.SnapshotBefore(path, files))
        {
            history.LearnIfUnknown(table, columns);
        }

        return history;
    }

    /// <summary>
    /// The migrations that ran before <paramref name="path"/>, in run order: the files of its folder whose names sort
    /// before it — or, for a migration kept as the one script of a folder of its own (Prisma's and drizzle-kit v1's
    /// <c>&lt;timestamp&gt;_name/migration.sql</c>), the same script of the sibling folders that sort before its folder.
    /// </summary>
    private static IEnumerable<string> Earlier(string path, RepositoryFiles files)
    {
        var name = RepoPath.FileName(path);
        if (name == "migration.sql")
        {
            var folder = RepoPath.Directory(path);
            var parent = RepoPath.Directory(folder);
            var own = RepoPath.FileName(folder);
            return files.HeadFiles
                .Where(p => RepoPath.FileName(p) == name && RepoPath.Directory(RepoPath.Directory(p)) == parent &&
                    FileOrder.Compare(RepoPath.FileName(RepoPath.Directory(p)), own) < 0)
                .Order(Comparer<string>.Create((a, b) => FileOrder.Compare(RepoPath.FileName(RepoPath.Directory(a)), RepoPath.FileName(RepoPath.Directory(b)))));
        }

        return files.FilesIn(RepoPath.Directory(path))
            .Where(p => FileOrder.Compare(RepoPath.FileName(p), name) < 0)
            .Order(Comparer<string>.Create((a, b) => FileOrder.Compare(RepoPath.FileName(a), RepoPath.FileName(b))));
    }

    /// <summary>Fills in what this history does not know of a column from an earlier one (<paramref name="before"/>).</summary>
    public void LearnColumn(string? table, string? column, SchemaHistory before)
    {
        if (table is null || column is null)
        {
            return;
        }

        var type = TypeOf(table, column) is null ? before.TypeOf(table, column) : null;
        var nullable = NullableOf(table, column) is null ? before.NullableOf(table, column) : null;
        if (type is null && nullable is null)
        {
            return;
        }

        var key = Key(table);
        if (!tables.TryGetValue(key, out var known))
        {
            known = tables[key] = new Table(false);
        }

        var name = MigrationOperation.NormalizeName(column);
        if (type is not null)
        {
            known.Types[name] = type;
        }

        if (nullable is { } value)
        {
            known.Nullable[name] = value;
        }
    }

    /// <summary>Adds a table from a schema snapshot when the replayed migrations did not define it.</summary>
    public void LearnIfUnknown(string table, IReadOnlyList<(string Column, string? Type)> columns)
    {
        var key = Key(table);
        if (tables.TryGetValue(key, out var known) && known.ColumnsKnown)
        {
            return;
        }

        var learned = tables[key] = new Table(true);
        foreach (var (column, type) in columns)
        {
            learned.Types[MigrationOperation.NormalizeName(column)] = type;
        }
    }

    /// <summary>The indexes (and primary keys and unique constraints) the earlier migrations created and did not drop.</summary>
    public IndexCoverage Indexes { get; } = new();

    /// <summary>The check constraints the earlier migrations added and did not drop, with whether each was validated.</summary>
    public NotNullChecks Checks { get; } = new();

    /// <summary>The enum types the earlier migrations created and did not drop, with their labels.</summary>
    public EnumTypes Enums { get; } = new();

    public void Replay(IEnumerable<MigrationOperation> operations)
    {
        foreach (var op in operations)
        {
            Apply(op);
            Indexes.Observe(op);
            Checks.Observe(op);
            Enums.Observe(op);
        }
    }

    private void Apply(MigrationOperation op)
    {
        if (op.Table is null)
        {
            return;
        }

        var key = Key(op.Table);
        var column = MigrationOperation.NormalizeName(op.Column);
        tables.TryGetValue(key, out var table);
        switch (op.Kind)
        {
            case MigrationOperationKind.CreateTable:
                // CREATE TABLE IF NOT EXISTS of a table main already had creates nothing new.
                if (replayingHotfix && table is null)
                {
                    hotfixTables.Add(key);
                }

                tableless.Remove(key);
                tables[key] = new Table(op.Columns is not null);
                for (var k = 0; k < (op.Columns?.Count ?? 0); k++)
                {
                    tables[key].Types[MigrationOperation.NormalizeName(op.Columns![k])] = op.ColumnTypes?.ElementAtOrDefault(k);
                    if (op.ColumnNullables?.ElementAtOrDefault(k) is { } allowsNull)
                    {
                        tables[key].Nullable[MigrationOperation.NormalizeName(op.Columns![k])] = allowsNull;
                    }
                }

                break;
            case MigrationOperationKind.DropTable:
                tables.Remove(key);
                hotfixTables.Remove(key);
                tableless.Remove(key);
                break;
            case MigrationOperationKind.RenameTable when op.NewName is not null && table is not null:
                tables.Remove(key);
                tables[Key(op.NewName)] = table;
                if (hotfixTables.Remove(key))
                {
                    hotfixTables.Add(Key(op.NewName));
                }

                break;
            case MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn when column.Length > 0:
                table ??= tables[key] = new Table(false);
                if (op.NewType is not null || !table.Types.ContainsKey(column))
                {
                    table.Types[column] = op.NewType ?? (table.Types.TryGetValue(column, out var kept) ? kept : null);
                }

                if (op.NewNullable is { } nullable)
                {
                    table.Nullable[column] = nullable;
                }

                break;
            case MigrationOperationKind.DropColumn when table is not null:
                table.Types.Remove(column);
                table.Nullable.Remove(column);
                break;
            case MigrationOperationKind.RenameColumn when table is not null && op.NewName is not null && table.Types.Remove(column, out var type):
                table.Types[MigrationOperation.NormalizeName(op.NewName)] = type;
                if (table.Nullable.Remove(column, out var wasNullable))
                {
                    table.Nullable[MigrationOperation.NormalizeName(op.NewName)] = wasNullable;
                }

                break;
        }
    }

    private static string Key(string table)
    {
        var name = MigrationOperation.NormalizeName(table);
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private sealed class Table(bool columnsKnown)
    {
        public bool ColumnsKnown { get; } = columnsKnown;

        public Dictionary<string, string?> Types { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, bool> Nullable { get; } = new(StringComparer.Ordinal);
    }
}

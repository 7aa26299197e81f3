using Hotfix.Migrations.Formats;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Ports;

namespace Hotfix.Migrations.Detection;

/// <summary>The migrations and schema changes a change set contains.</summary>
internal sealed record MigrationScan(IReadOnlyList<DetectedMigration> Migrations, IReadOnlyList<SchemaChangeWithoutMigration> SchemaChangesWithoutMigration)
{
    /// <summary>Relations a changed schema.prisma adds under <c>relationMode = "prisma"</c> without an index (HF4004).</summary>
    public IReadOnlyList<Formats.UnindexedRelation> UnindexedRelations { get; init; } = [];
}

/// <summary>
/// Finds the migrations in a change set: recognises each changed file by path and content, pairs ups with their downs,
/// reads both into operations, and tells new migrations from edits to migrations that already exist on main.
/// </summary>
internal static class MigrationScanner
{
    /// <summary>The formats, in the order they are tried (the more specific file layouts first).</summary>
    public static IReadOnlyList<IMigrationFormat> Formats { get; } =
    [
        new SqlxFormat(),
        new GolangMigrateFormat(),
        new PrismaFormat(),
        new DieselFormat(),
        new DrizzleFormat(),
        new FlywayFormat(),
        new DbmateFormat(),
        new GooseFormat(),
        new SupabaseFormat(),
        new AtlasFormat(),
        new DbUpFormat(),
        new LiquibaseFormat(),
        new SqitchFormat(),
        new EfCoreFormat(),
        new Ef6Format(),
        new FluentMigratorFormat(),
        new RailsFormat(),
        new DjangoFormat(),
        new AlembicFormat(),
        new TypeOrmFormat(),
        new MikroOrmFormat(),
        new KnexFormat(),
        new SequelizeFormat(),
        new LaravelFormat(),
        new DoctrineFormat(),
        new EctoFormat(),

        // Last: numbered SQL files no named framework claims.
        new NumberedSqlFormat(),
    ];

    public static MigrationScan Scan(ChangeSet changes, IChangeSetReader? reader)
    {
        var files = new RepositoryFiles(changes, reader);
        var settings = new MigrationSettings(files);
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var intents = new List<(MigrationFileMatch Match, string Path)>();
        var editedSql = new List<FileChange>();
        foreach (var change in changes.Files)
        {
            if (change.IsSubmodule || change.IsBinary)
            {
                continue;
            }

            var text = (change.NewContent ?? change.OldContent)?.Text ?? string.Empty;
            IMigrationFormat? claimedBy = null;
            foreach (var format in Formats)
            {
                var match = format.Match(change.Path, text, settings, files);
                if (match is null)
                {
                    continue;
                }

                claimedBy = format;

                switch (match.Role)
                {
                    case MigrationFileRole.Migration:
                        Get(units, change.Path, format).UpChange = change;
                        break;
                    case MigrationFileRole.Down:
                        var up = format.UpPathFor(change.Path, files);
                        if (up is not null)
                        {
                            Get(units, up, format).DownChange = change;
                        }

                        break;
                    case MigrationFileRole.SchemaIntent:
                        intents.Add((match, change.Path));
                        break;
                }

                break;
            }

            // A Liquibase changeset may run it (sqlFile), even one in a numbered migrations folder.
            if (claimedBy is null or NumberedSqlFormat && change.Kind == FileChangeKind.Modified && SqlFiles.IsSql(change.Path))
            {
                editedSql.Add(change);
            }
        }

        var liquibase = Formats.OfType<LiquibaseFormat>().Single();
        foreach (var changelog in SqlFileIncluders.Of(editedSql, files, liquibase, settings))
        {
            Get(units, changelog, liquibase); // the changelog is untouched: its changesets are compared with their files' old text
        }

        var migrations = new List<DetectedMigration>();
        foreach (var unit in units.Values.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            migrations.AddRange(Read(unit, files, settings));
        }

        // A numbered file a changeset runs is that changeset's SQL, judged there: not a migration of its own as well.
        var runByChangesets = migrations.Where(m => m.Framework == MigrationFramework.Liquibase).SelectMany(m => m.IncludedFiles).ToHashSet(StringComparer.Ordinal);
        migrations.RemoveAll(m => m.Framework == MigrationFramework.NumberedSql && runByChangesets.Contains(m.Path));

        var frameworksWithMigrations = migrations.Select(m => m.Framework).ToHashSet();
        var schema = intents
            .Where(i => !frameworksWithMigrations.Contains(i.Match.Framework))
            .Select(i => new SchemaChangeWithoutMigration(i.Match.Framework, i.Path, i.Match.What))
            .ToList();
        var relations = intents
            .Where(i => i.Match.Framework == MigrationFramework.Prisma)
            .SelectMany(i => Hotfix.Migrations.Formats.PrismaRelations.AddedWithoutIndex(i.Path, files.ReadHead(i.Path), files.ReadBase(i.Path)))
            .ToList();
        return new MigrationScan(migrations, schema) { UnindexedRelations = relations };
    }

    private static Unit Get(Dictionary<string, Unit> units, string path, IMigrationFormat format)
    {
        if (!units.TryGetValue(path, out var unit))
        {
            unit = new Unit(path, format);
            units[path] = unit;
        }

        return unit;
    }

    private static IEnumerable<DetectedMigration> Read(Unit unit, RepositoryFiles files, MigrationSettings settings)
    {
        var format = unit.Format;
        var database = settings.DatabaseFor(format.Framework, unit.Path);
        var upKind = unit.UpChange?.Kind;
        var oldUpPath = unit.UpChange?.OldPath ?? (upKind is null ? unit.Path : null);
        var newText = upKind == FileChangeKind.Deleted ? null : files.ReadHead(unit.Path);
        var downPath = format.DownPathFor(unit.Path, files);
        var downExists = downPath is not null && (files.ExistsAtHead(downPath) || unit.DownChange is { Kind: not FileChangeKind.Deleted });
        var newDownText = downExists ? files.ReadHead(downPath!) : null;
        var newPieces = newText is null ? [] : IncludedSql.Expand(Pieces(format, unit.Path, newText, downExists ? downPath : null, newDownText, database), unit.Path, files.ReadHead, files, database);
        var repeatable = format.RepeatableBecause(unit.Path, settings, files);
        MarkRepeatable(newPieces, repeatable);
        var reworkedFrom = format.ReworkedFrom(unit.Path, files);
        var history = new Lazy<SchemaHistory>(() => SchemaHistory.Before(unit.Path, format, files, settings, database));

        if (upKind == FileChangeKind.Added)
        {
            foreach (var piece in newPieces)
            {
                yield return Build(unit, piece, database, FileChangeKind.Added, existedOnMain: false, downExists ? downPath : null, files, history, settings);
            }

            yield break;
        }

        // The up existed at the merge base: compare piece by piece, so an appended changeset is new while an edited one is not.
        var oldText = oldUpPath is null ? null : files.ReadBase(oldUpPath);
        var oldDownPath = oldUpPath is null ? null : format.DownPathFor(oldUpPath, files);
        var oldDownText = oldDownPath is null ? null : files.ReadBase(oldDownPath);
        var oldPieces = oldText is null ? [] : IncludedSql.Expand(Pieces(format, oldUpPath!, oldText, oldDownText is null ? null : oldDownPath, oldDownText, database), oldUpPath!, files.ReadBase, files, database);
        MarkRepeatable(oldPieces, repeatable);
        var downEdited = unit.DownChange is { Kind: not FileChangeKind.Added };
        var renamed = upKind == FileChangeKind.Renamed && unit.UpChange!.OldPath != unit.Path;
        foreach (var piece in newPieces)
        {
            var before = oldPieces.FirstOrDefault(p => p.Id == piece.Id);
            if (before is null)
            {
                yield return Build(unit, piece, database, FileChangeKind.Added, existedOnMain: false, downExists ? downPath : null, files, history, settings);
                continue;
            }

            // An edit that changes no code as it runs (comments, layout) is no edit to a database that ran it.
            var facts = settings.FactsOf(format);
            var upSame = before.Fingerprint == piece.Fingerprint || LayoutOnlyEdit.Only(facts, before.Fingerprint, piece.Fingerprint, database, unit.Path);
            var downSame = !downEdited || LayoutOnlyEdit.Only(facts, oldDownText, newDownText, database, downPath);
            if (upSame && downSame && !renamed)
            {
                continue;
            }

            var editedFiles = piece.Body.IncludedFiles
                .Where(f => !before.Body.IncludedFiles.TryGetValue(f.Key, out var old) || old != f.Value)
                .Select(f => f.Key)
                .ToList();
            yield return Build(
                unit, piece, database, renamed ? FileChangeKind.Renamed : FileChangeKind.Modified, existedOnMain: !IsRepeatable(piece) && reworkedFrom is null,
                downExists ? downPath : null, files, history, settings, reworkedFrom: reworkedFrom, editedFiles: editedFiles);
        }

        foreach (var gone in oldPieces.Where(p => newPieces.All(n => n.Id != p.Id)))
        {
            yield return Build(unit, gone, database, FileChangeKind.Deleted, existedOnMain: !IsRepeatable(gone), oldDownText is null ? null : oldDownPath, files, history, settings, deletedPath: oldUpPath);
        }
    }

    private static bool IsRepeatable(MigrationPiece piece) => piece.Body.DownStatus == DownStatus.Repeatable;

    private static void MarkRepeatable(IReadOnlyList<MigrationPiece> pieces, string? because)
    {
        foreach (var piece in because is null ? [] : pieces)
        {
            piece.Body.DownStatus = DownStatus.Repeatable;
            piece.Body.DownDetail = because;
        }
    }

    private static IReadOnlyList<MigrationPiece> Pieces(IMigrationFormat format, string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        try
        {
            return format.Read(path, text, downPath, downText, database);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail closed: a file that cannot be read is still a migration, shown with what went wrong.
            var body = new MigrationBody { DownStatus = DownStatus.Unverified, DownDetail = "the migration could not be read" };
            body.Up.Add(new MigrationOperation(MigrationOperationKind.RawSql) { Text = "unreadable migration (" + e.GetType().Name + ")", Line = 1 });
            body.Notes.Add($"Hotfix could not read this migration ({e.GetType().Name}: {e.Message}); review it by hand.");
            return [new MigrationPiece(null, body, text)];
        }
    }

    private static DetectedMigration Build(
        Unit unit, MigrationPiece piece, MigrationDatabase database, FileChangeKind change, bool existedOnMain, string? downPath, RepositoryFiles files,
        Lazy<SchemaHistory> history, MigrationSettings settings, string? deletedPath = null, string? reworkedFrom = null, IReadOnlyList<string>? editedFiles = null)
    {
        var body = piece.Body;
        var framework = unit.Format.Framework;
        if (framework.HasTablelessModels() && body.Up.Count > 0)
        {
            SchemaHistory.UseDeclaredTables(body.Up.Concat(body.Down), history.Value.DeclaredTables);

            // DeleteModel of a proxy or unmanaged model declared earlier: Django's state changes, no table is dropped.
            body.Up.RemoveAll(op => op.Table is not null && history.Value.IsTableless(op.Table));

            // RemoveField of a ManyToManyField drops its join table: a "column" the history has as <table>_<field>.
            for (var k = 0; k < body.Up.Count; k++)
            {
                if (body.Up[k] is { Kind: MigrationOperationKind.DropColumn, Table: { } table, Column: { } column } remove
                    && history.Value.ColumnsOf(table) is { } columns && !columns.Contains(MigrationOperation.NormalizeName(column))
                    && history.Value.ColumnsOf(table + "_" + column) is not null)
                {
                    body.Up[k] = new MigrationOperation(MigrationOperationKind.DropTable) { Table = table + "_" + column, Line = remove.Line, Text = remove.Text };
                }
            }
        }

        InferPreviousTypes(body, history);
        ResolveEnumSwaps(body, history);

        // A restated definition's key (Django's AlterField(unique=True)) exists already where an earlier migration made it.
        body.Up.RemoveAll(op => op.RestatesDefinition && op.Kind is MigrationOperationKind.AddConstraint or MigrationOperationKind.CreateIndex
            && op.Table is not null && op.KeyColumns is [var column] && history.Value.Indexes.Has(op.Table, column, unique: op.Kind == MigrationOperationKind.AddConstraint));
        if (database == MigrationDatabase.Unknown && body.Database is { } revealed)
        {
            database = revealed;
        }

        var path = deletedPath ?? unit.Path;
        var status = body.DownStatus;
        var detail = body.DownDetail;
        IReadOnlyList<DownInversion.Problem> problems = [];
        if (status is null && framework.Downs() == DownSupport.None)
        {
            status = DownStatus.NotSupported;
        }

        if (status == DownStatus.NotSupported)
        {
            detail ??= framework.NoDownAdvice() + "; if it must be undone, the runbook's answer is a forward migration that undoes the change (\"prefer forward migration that undoes the change over destructive rollback\")";
        }
        else if (status is null && body.Down.Count == 0 && body.Up.Count > 0)
        {
            status = DownStatus.Empty;
            detail ??= "the down does nothing although the up changes the database";
        }
        else if (status is null && reworkedFrom is not null)
        {
            (status, detail) = ReworkRevert(body, reworkedFrom, unit.Format, files, database);
        }
        else if (status is null)
        {
            var inversion = DownInversion.Check(body.Up, body.Down, database);
            status = inversion.Status;
            problems = inversion.Problems;
            detail ??= status switch
            {
                DownStatus.Inverts => "the down undoes every step of the up",
                DownStatus.DoesNotInvert => string.Join("; ", problems.Select(p => p.Message)),
                _ => "the down contains steps whose effect Hotfix cannot compare with the up (raw SQL or data changes): check it by hand",
            };
        }

        var downFile = body.DownInSameFile ? (status is DownStatus.Missing or DownStatus.NotSupported or DownStatus.Repeatable ? null : path) : downPath;
        var texts = new List<(string Path, string? Text)> { (path, change == FileChangeKind.Deleted ? files.ReadBase(path) : files.ReadHead(path)) };
        if (downPath is not null && !body.DownInSameFile)
        {
            texts.Add((downPath, files.ReadHead(downPath)));
        }

        return new DetectedMigration
        {
            Framework = framework,
            Path = path,
            OldPath = unit.UpChange?.OldPath is { } old && old != path ? old : null,
            Id = piece.Id,
            Line = piece.Line,
            Change = change,
            ExistedOnMain = existedOnMain,
            EditedIncludedFiles = editedFiles ?? [],
            IncludedFiles = [.. body.IncludedFiles.Keys],
            ChangelogUntouched = unit.UpChange is null,
            Database = database,
            Up = body.Up,
            Files = files,
            PreviousColumns = table => history.Value.ColumnsOf(table),
            IndexesBefore = () => history.Value.Indexes,
            ChecksBefore = () => history.Value.Checks,
            CreatedByHotfix = table => history.Value.CreatedByHotfix(table),
            Down = new MigrationDown(downFile, status.Value, detail ?? string.Empty, body.DownLine, body.Down, problems),
            Waivers = texts.SelectMany(t => MigrationWaiverComment.Find(t.Path, t.Text))
                .Where(w => piece.Id is null || w.Path != path || w.Line >= piece.Line && w.Line <= (piece.EndLine ?? int.MaxValue))
                .ToList(),
            Notes = [.. body.Notes, .. DownNotes([.. body.Down, .. body.DownOnly], database)],
            Transaction = change == FileChangeKind.Deleted
                ? MigrationTransaction.Unknown
                : new MigrationTransaction(
                    MigrationTransactions.Of(framework), texts[0].Text, downPath is not null && !body.DownInSameFile ? texts[^1].Text : null, piece.Id is null ? null : (piece.Line, piece.EndLine),
                    name => files.ReadHead(RepoPath.Combine(RepoPath.Directory(path), name)), database,
                    (RepoPath.FileName(path), downPath is not null && !body.DownInSameFile ? RepoPath.FileName(downPath) : null), settings.TransactionSettingsFor(framework, path)),
        };
    }

    /// <summary>
    /// The revert of a reworked change does not undo the change: it goes back to the version the rework replaced, so it
    /// is compared with that frozen version's deploy script, step by step.
    /// </summary>
    private static (DownStatus, string) ReworkRevert(MigrationBody body, string frozen, IMigrationFormat format, RepositoryFiles files, MigrationDatabase database)
    {
        var previous = files.ReadHead(frozen) is { } text ? format.Read(frozen, text, null, null, database).SelectMany(p => p.Body.Up).ToList() : [];
        var same = previous.Count > 0 && previous.Count == body.Down.Count
            && previous.Zip(body.Down).All(pair => pair.First.Kind == pair.Second.Kind && string.Equals(pair.First.Object, pair.Second.Object, StringComparison.OrdinalIgnoreCase));
        return same
            ? (DownStatus.Inverts, $"the revert restores the version this rework replaces ({frozen})")
            : (DownStatus.Unverified, $"the revert of a reworked change should restore the version it replaces ({frozen}); its steps differ from that script's: compare them by hand");
    }

    /// <summary>
    /// A SQL <c>ALTER COLUMN … TYPE</c> does not say what the type was, and T-SQL's <c>ALTER COLUMN c nvarchar(200) NULL</c>
    /// restates the nullability whether or not it changes; the down that restores the column says what it was, and so
    /// do the earlier migrations. A careful reviewer reads them together, and so does the risk table: the down's target
    /// type and nullability (else the migration's own earlier steps, else the history) become the up's previous ones.
    /// </summary>
    private static void InferPreviousTypes(MigrationBody body, Lazy<SchemaHistory> history)
    {
        foreach (var up in body.Up.Where(o => o.Kind == MigrationOperationKind.AlterColumn && (o.NewType is not null && o.OldType is null || o.NewNullable is not null && o.OldNullable is null)))
        {
            var restore = body.Down.Concat(body.DownOnly).FirstOrDefault(d => d.Kind == MigrationOperationKind.AlterColumn && (d.NewType is not null || d.NewNullable is not null)
                && MigrationOperation.SameTable(d.Table, up.Table) && MigrationOperation.NormalizeName(d.Column) == MigrationOperation.NormalizeName(up.Column));
            if (restore is null)
            {
                continue;
            }

            if (up.NewType is not null && up.OldType is null && restore.NewType is not null)
            {
                up.OldType = restore.NewType;
                restore.OldType ??= up.NewType;
            }

            if (up.NewNullable is not null && up.OldNullable is null && restore.NewNullable is not null)
            {
                up.OldNullable = restore.NewNullable;
            }
        }

        // Reading the history reads every earlier migration: only a step that does not say what it changes needs it.
        if (!body.Up.Concat(body.Down).Any(s => s.Kind == MigrationOperationKind.AlterColumn &&
                (s.NewType is not null && s.OldType is null || s.NewNullable is not null && s.OldNullable is null)))
        {
            return;
        }

        // The migration's own earlier steps come first: a column it added and then altered had the type it added it with,
        // and a column it renamed keeps the type it had under its old name (MySQL's CHANGE old new <definition>, as
        // TypeORM writes every rename, restates the type it keeps). The down runs on what the up left.
        var own = new SchemaHistory();
        foreach (var step in body.Up.Concat(body.Down))
        {
            if (step.Kind is MigrationOperationKind.AlterColumn or MigrationOperationKind.RenameColumn)
            {
                own.LearnColumn(step.Table, step.Column, history.Value);
            }

            if (step.Kind == MigrationOperationKind.AlterColumn && step.NewType is not null && step.OldType is null)
            {
                step.OldType = own.TypeOf(step.Table, step.Column);
            }

            if (step.Kind == MigrationOperationKind.AlterColumn && step.NewNullable is not null && step.OldNullable is null)
            {
                step.OldNullable = own.NullableOf(step.Table, step.Column);
            }

            own.Replay([step]);
        }
    }

    /// <summary>
    /// A column moved to an enum type the migration (re)creates is judged on labels, not names: the type it had — by
    /// the name it had when the migration started, else by the name it has at that step (TypeORM's <c>t_old</c>) — and
    /// the labels of the type it gets. The down, which runs on what the up left, is read the same way so that it can be
    /// compared with the up. Only migrations that create or alter an enum type pay for the history.
    /// </summary>
    private static void ResolveEnumSwaps(MigrationBody body, Lazy<SchemaHistory> history)
    {
        if (!body.Up.Concat(body.Down).Any(o => o.ObjectType == "type" && (o.EnumLabels is not null || o.NewName is not null)))
        {
            return;
        }

        var before = history.Value.Enums;
        var now = before.Copy();
        foreach (var op in body.Up.Concat(body.Down))
        {
            if (op.Kind == MigrationOperationKind.AlterColumn && now.LabelsOf(op.NewType) is { } labels)
            {
                var old = op.OldType ?? history.Value.TypeOf(op.Table, op.Column);
                var oldLabels = before.LabelsOf(old) ?? now.LabelsOf(old);
                op.NewType = EnumTypes.Spell(labels);
                op.OldType = oldLabels is null ? op.OldType : EnumTypes.Spell(oldLabels);
            }

            now.Observe(op);
        }
    }

    /// <summary>
    /// What running the down would cost, as a careful reviewer would note it: a down that drops what the up added loses
    /// the data written since, and a down that narrows a type fails once values need the wider one. Not findings — the
    /// down is meant to undo the up — but the runbook's "rollback would cause data loss" question needs the answer.
    /// </summary>
    private static IEnumerable<string> DownNotes(IReadOnlyList<MigrationOperation> down, MigrationDatabase database)
    {
        foreach (var op in down)
        {
            if (op.Kind is MigrationOperationKind.DropColumn or MigrationOperationKind.DropTable)
            {
                yield return $"Rolling back drops {op.Object} (line {op.Line}): whatever was written there after the up is lost; prefer a forward migration once it holds data.";
            }
            else if (op.Kind == MigrationOperationKind.AlterColumn && op.OldType is not null && op.NewType is not null
                     && ColumnTypeChange.Classify(op.OldType, op.NewType, database) is { Effect: TypeChangeEffect.Narrowing } verdict)
            {
                yield return $"Rolling back narrows {op.Object} again (line {op.Line}): {verdict.Reason}; once such values exist, the down fails and a forward migration is the way back.";
            }
        }
    }

    private sealed class Unit(string path, IMigrationFormat format)
    {
        public string Path { get; } = path;

        public IMigrationFormat Format { get; } = format;

        public FileChange? UpChange { get; set; }

        public FileChange? DownChange { get; set; }
    }
}

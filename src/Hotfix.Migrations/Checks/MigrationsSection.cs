using System.Text.Json;
using Hotfix.Migrations;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Reporting;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// The <c>migrations</c> section: every migration the hotfix adds, edits or deletes, with its framework, its operations
/// and their risk (from the shared risk table, with the safe alternative), and its way back (down path and status).
/// </summary>
internal sealed class MigrationsSection(IReadOnlyList<DetectedMigration> migrations, IReadOnlyList<SchemaChangeWithoutMigration> schemaChanges, string requiredTests) : ReportSection
{
    public IReadOnlyList<DetectedMigration> Migrations { get; } = migrations;

    public IReadOnlyList<SchemaChangeWithoutMigration> SchemaChanges { get; } = schemaChanges;

    public override string Key => "migrations";

    public override string Title => "Migrations";

    /// <summary>The operation's most serious risk name: destructive, backward-incompatible, locking, data-rewrite; else unknown (raw SQL) or none.</summary>
    public static string RiskName(MigrationOperation operation, IReadOnlyList<MigrationRisk> risks) =>
        risks.Count > 0 ? risks.OrderBy(r => r.Category).First().CategoryName
        : operation.Kind == MigrationOperationKind.RawSql ? "unknown" : "none";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var migration in Migrations)
        {
            writer.WriteStartObject();
            writer.WriteString("path", migration.Path);
            writer.WriteString("framework", migration.Framework.Id());
            Nullable(writer, "changeset", migration.Id);
            writer.WriteString("change", migration.Change.ToString().ToLowerInvariant());
            writer.WriteBoolean("existedOnMain", migration.ExistedOnMain);
            writer.WriteString("database", MigrationNames.Of(migration.Database));
            writer.WriteStartArray("operations");
            for (var k = 0; k < migration.Up.Count; k++)
            {
                var operation = migration.Up[k];
                var risks = migration.Risks[k];
                writer.WriteStartObject();
                writer.WriteString("kind", MigrationNames.Of(operation.Kind));
                writer.WriteString("object", operation.Object);
                writer.WriteString("risk", RiskName(operation, risks));
                NullableNumber(writer, "line", operation.Line);
                writer.WriteStartArray("risks");
                foreach (var risk in risks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("ruleId", risk.RuleId);
                    writer.WriteString("category", risk.CategoryName);
                    writer.WriteString("row", risk.RowId);
                    writer.WriteString("reason", risk.Reason);
                    writer.WriteString("recipe", risk.Recipe.Summary);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("down");
            Nullable(writer, "path", migration.Down.Path);
            writer.WriteString("status", migration.Down.Status.Name());
            writer.WriteString("detail", migration.Down.Detail);
            writer.WriteStartArray("operations");
            foreach (var operation in migration.Down.Operations)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", MigrationNames.Of(operation.Kind));
                writer.WriteString("object", operation.Object);
                NullableNumber(writer, "line", operation.Line);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("notes");
            foreach (var note in migration.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        if (Migrations.Count > 0)
        {
            document.Table(
                ["Migration", "Framework", "Change", "Operations", "Down"],
                Migrations.Select(m => (IReadOnlyList<string>)
                [
                    m.DisplayName,
                    m.Framework.DisplayName() + (m.Database == MigrationDatabase.Unknown ? string.Empty : $" ({MigrationNames.Of(m.Database)})"),
                    m.ExistedOnMain ? $"{m.Change.ToString().ToLowerInvariant()} (already on main)" : m.Change.ToString().ToLowerInvariant(),
                    m.Up.Count == 0 ? "none" : string.Join(", ", m.Up.Select((o, k) => $"{MigrationNames.Of(o.Kind)} {o.Object}" + Risk(o, m.Risks[k]))),
                    m.Down.Status.Name() + (m.Down.Path is { } p && p != m.Path ? $" ({p})" : string.Empty),
                ]));
        }

        foreach (var migration in Migrations.Where(m => m.Risks.Any(r => r.Count > 0) || m.Down.Status is not (DownStatus.Inverts or DownStatus.Automatic)))
        {
            document.Heading(migration.DisplayName);
            var items = new List<string>();
            for (var k = 0; k < migration.Up.Count; k++)
            {
                foreach (var risk in migration.Risks[k])
                {
                    items.Add($"line {migration.Up[k].Line}: {risk.RuleId} {risk.CategoryName} — {risk.Reason}. Safe alternative: {risk.Recipe.Summary}");
                }
            }

            items.Add($"down: {migration.Down.Status.Name()} — {migration.Down.Detail}");
            items.AddRange(migration.Notes);
            document.List(items);
        }

        if (SchemaChanges.Count > 0)
        {
            document.Heading("Schema changed without a migration");
            document.List(SchemaChanges.Select(s => $"{s.Path} ({s.What}): no {s.Framework.DisplayName()} migration in the hotfix"));
        }

        document.Paragraph($"Database change: the runbook requires the {requiredTests} test — migrate up, down and up again on a copy of production data, and verify data integrity.");
    }

    private static string Risk(MigrationOperation operation, IReadOnlyList<MigrationRisk> risks)
    {
        var name = RiskName(operation, risks);
        return name == "none" ? string.Empty : $" [{name}]";
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void NullableNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Decisions;

/// <summary>The migration rollback plan for people (text, Markdown) and machines (JSON: the plan's records as they are).</summary>
internal sealed class MigrationRollbackSection(MigrationRollbackPlan plan) : ReportSection
{
    public override string Key => "migrationRollback";

    public override string Title => $"Rolling back the migrations of {plan.Branch}";

    public override void WriteJson(Utf8JsonWriter writer) =>
        JsonSerializer.Serialize(writer, plan, MigrationRollbackJsonContext.Default.MigrationRollbackPlan);

    public override void Describe(ReportDocumentBuilder document)
    {
        document.Heading("Runbook");
        document.List(plan.RunbookLines);
        if (plan.UnavailableReason is { } reason)
        {
            document.Paragraph($"The hotfix's migrations could not be read: {reason}.");
            return;
        }

        if (plan.Migrations.Count == 0)
        {
            document.Paragraph("The hotfix has no migrations: there is nothing to roll back in a database.");
            return;
        }

        document.Paragraph($"{plan.Migrations.Count} migration(s), newest first. Nothing here touches a database; run what you choose yourself.");
        foreach (var m in plan.Migrations)
        {
            document.Heading($"{m.Path} ({m.Framework}, {m.Change})");
            document.Facts(("Rollback", m.Rollback.Command), ("What it does", m.Rollback.Summary));
            if (m.Rollback.Removes.Count > 0)
            {
                document.List(m.Rollback.Removes.Select(r => "removes " + r));
            }

            if (m.Rollback.Steps.Count > 0)
            {
                document.Table(["Rollback step", "Data lost"], m.Rollback.Steps.Select(s => (IReadOnlyList<string>)[s.What, s.DataLoss ?? "none"]));
            }

            document.Facts(("Forward migration (preferred)", m.Forward.SuggestedPath), ("Create it", m.Forward.HowToCreate));
            document.Table(["Forward step", "Data lost"], m.Forward.Steps.Select(s => (IReadOnlyList<string>)[s.What, s.DataLoss ?? "none"]));
            document.Commands(m.Forward.Content.TrimEnd('\n').Split('\n'));
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(MigrationRollbackPlan))]
internal sealed partial class MigrationRollbackJsonContext : JsonSerializerContext;

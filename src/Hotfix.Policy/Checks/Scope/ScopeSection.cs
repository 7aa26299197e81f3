using System.Text.Json;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Changes.Dependencies;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// The <c>scope</c> section: what the hotfix changed since its merge base, how it is counted against the severity's
/// budget, which components it touches, its package changes and every file. Documented in docs/json-report.md.
/// </summary>
internal sealed class ScopeSection(
    ScopeAnalysis analysis,
    ScopeCounts? counts,
    EffectiveBudget? budget,
    IReadOnlyList<string> declared,
    IReadOnlyList<string> touched,
    bool componentsDefined) : ReportSection
{
    /// <summary>Text and Markdown list this many files; JSON lists all.</summary>
    public const int FilesShown = 40;

    public override string Key => "scope";

    public override string Title => "Scope";

    public ScopeAnalysis Analysis => analysis;

    public ScopeCounts? Counts => counts;

    public IReadOnlyList<string> Outside => touched.Where(t => declared.Count > 0 && !declared.Contains(t)).ToList();

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var changes = analysis.Changes;
        writer.WriteBoolean("available", changes is not null);
        WriteStringOrNull(writer, "unavailableReason", analysis.UnavailableReason);
        WriteStringOrNull(writer, "baseBranch", changes?.BaseBranch);
        WriteStringOrNull(writer, "mergeBase", changes?.MergeBase);
        writer.WritePropertyName("budget");
        if (budget is null || changes is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("severity", budget.Severity.Name());
            writer.WriteNumber("files", budget.Budget.Files);
            writer.WriteNumber("lines", budget.Budget.Lines);
            writer.WriteBoolean("assumed", budget.Assumed);
            writer.WriteBoolean("exceeded", counts is not null && (counts.CountedFiles > budget.Budget.Files || counts.CountedLines > budget.Budget.Lines));
            writer.WriteEndObject();
        }

        writer.WritePropertyName("counts");
        if (counts is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteNumber("files", counts.Files);
            writer.WriteNumber("addedLines", counts.AddedLines);
            writer.WriteNumber("deletedLines", counts.DeletedLines);
            writer.WriteNumber("countedFiles", counts.CountedFiles);
            writer.WriteNumber("countedLines", counts.CountedLines);
            writer.WriteNumber("generatedFiles", counts.GeneratedFiles);
            writer.WriteNumber("vendoredFiles", counts.VendoredFiles);
            writer.WriteNumber("lockFiles", counts.LockFiles);
            writer.WriteNumber("testFiles", counts.TestFiles);
            writer.WriteNumber("testLines", counts.TestLines);
            writer.WriteNumber("uncountedLines", counts.UncountedLines);
            writer.WriteNumber("binaryFiles", counts.BinaryFiles);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("components");
        writer.WriteBoolean("defined", componentsDefined);
        WriteStrings(writer, "declared", declared);
        WriteStrings(writer, "touched", touched);
        WriteStrings(writer, "outside", Outside);
        writer.WriteNumber("unassignedFiles", analysis.Files.Count(f => f.Components.Count == 0));
        writer.WriteEndObject();

        writer.WriteStartArray("dependencies");
        foreach (var dependency in Dependencies())
        {
            writer.WriteStartObject();
            writer.WriteString("path", dependency.File);
            writer.WriteString("package", dependency.Package);
            WriteStringOrNull(writer, "from", dependency.From);
            WriteStringOrNull(writer, "to", dependency.To);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        var moved = analysis.Changes is null ? [] : analysis.Moves.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        writer.WriteStartArray("files");
        foreach (var file in analysis.Files)
        {
            var change = file.Change;
            writer.WriteStartObject();
            writer.WriteString("path", change.Path);
            WriteStringOrNull(writer, "oldPath", change.OldPath != change.Path ? change.OldPath : null);
            writer.WriteString("status", StatusName(change.Kind));
            if (change.Similarity is { } similarity)
            {
                writer.WriteNumber("similarity", similarity);
            }
            else
            {
                writer.WriteNull("similarity");
            }

            writer.WriteNumber("addedLines", change.AddedLines);
            writer.WriteNumber("deletedLines", change.DeletedLines);
            writer.WriteBoolean("binary", change.IsBinary);
            writer.WriteString("entry", EntryName(change.NewMode == EntryMode.Missing ? change.OldMode : change.NewMode));
            writer.WriteBoolean("modeChange", change.IsModeChange);
            writer.WriteString("role", JsonRole(file.Role));
            WriteStringOrNull(writer, "roleReason", file.RoleReason);
            WriteStrings(writer, "components", file.Components);
            writer.WriteBoolean("formattingOnly", file.Formatting.IsFormattingOnly);
            writer.WriteBoolean("moved", moved.Contains(change.Path));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        if (analysis.Changes is not { } changes || counts is null)
        {
            document.Paragraph($"The change set is not available: {analysis.UnavailableReason}. Size, formatting, dependencies, components and refactors were not checked.");
            return;
        }

        var facts = new List<(string, string)>
        {
            ("Change", $"{changes.BaseBranch}...{changes.Head[..Math.Min(12, changes.Head.Length)]} (merge base {changes.MergeBase[..Math.Min(12, changes.MergeBase.Length)]})"),
            ("Files", $"{counts.Files} changed (+{counts.AddedLines} −{counts.DeletedLines}); {counts.CountedFiles} counted with {counts.CountedLines} changed lines" +
                (counts.ApartFiles > 0 ? $"; counted apart: {counts.ApartText()}" : string.Empty)),
        };
        if (budget is not null)
        {
            var over = counts.CountedFiles > budget.Budget.Files || counts.CountedLines > budget.Budget.Lines;
            facts.Add(("Budget", budget.Describe() + (over ? " — exceeded" : " — within")));
        }

        if (componentsDefined)
        {
            facts.Add(("Components", touched.Count == 0 ? "none of the policy's components touched" : "touched " + string.Join(", ", touched)));
            facts.Add(("Declared scope", declared.Count == 0 ? "none (--scope COMPONENT[,…])" : string.Join(", ", declared) + (Outside.Count > 0 ? $"; outside it: {string.Join(", ", Outside)}" : string.Empty)));
        }

        document.Facts([.. facts]);
        var dependencies = Dependencies().ToList();
        if (dependencies.Count > 0)
        {
            document.Heading("Package changes");
            document.List(dependencies.Take(FilesShown).Select(d => $"{d.File}: {d.Describe()}")
                .Concat(dependencies.Count > FilesShown ? [$"… and {dependencies.Count - FilesShown} more (--format json lists all)"] : []));
        }

        if (analysis.Files.Count == 0)
        {
            document.Paragraph("The branch changes no files since its merge base.");
            return;
        }

        var moved = analysis.Moves.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var rows = analysis.Files.Take(FilesShown).Select(f => (IReadOnlyList<string>)
        [
            StatusName(f.Change.Kind),
            f.Change.OldPath is { } old && old != f.Path ? $"{old} → {f.Path}" : f.Path,
            f.Change.IsBinary ? "binary" : $"+{f.Change.AddedLines} −{f.Change.DeletedLines}",
            f.RoleReason is { } why ? $"{f.Role.Name()} ({why})" : f.Role.Name(),
            f.Components.Count == 0 ? "—" : string.Join(", ", f.Components),
            Notes(f, moved.Contains(f.Path)),
        ]).ToList();
        if (analysis.Files.Count > FilesShown)
        {
            rows.Add(["…", $"{analysis.Files.Count - FilesShown} more files (--format json lists all)", string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        document.Table(["Status", "File", "Lines", "Counted as", "Component", "Notes"], rows);
    }

    private IEnumerable<DependencyChange> Dependencies() => analysis.Files.SelectMany(f => f.Dependencies ?? []);

    private static string Notes(FileAnalysis file, bool moved)
    {
        var change = file.Change;
        var notes = new List<string>();
        if (file.Formatting.IsFormattingOnly)
        {
            notes.Add("formatting only");
        }
        else if (file.Formatting.Hunks.Count > 0)
        {
            notes.Add($"{file.Formatting.Hunks.Count} formatting-only hunk{(file.Formatting.Hunks.Count == 1 ? string.Empty : "s")}");
        }

        if (moved)
        {
            notes.Add("moved code only");
        }

        if (change.ByteOrderMarkChange is { } bom)
        {
            notes.Add(bom);
        }

        if (change.Similarity is { } similarity)
        {
            notes.Add($"{similarity}% similar");
        }

        if (change.IsModeChange)
        {
            notes.Add($"mode {EntryName(change.OldMode)} → {EntryName(change.NewMode)}");
        }

        if (change.IsSubmodule)
        {
            notes.Add("submodule pointer");
        }
        else if (change.IsSymlink)
        {
            notes.Add("symlink");
        }

        if (file.Dependencies is { Count: > 0 } dependencies)
        {
            notes.Add($"{dependencies.Count} package change{(dependencies.Count == 1 ? string.Empty : "s")}");
        }

        return notes.Count == 0 ? string.Empty : string.Join("; ", notes);
    }

    internal static string StatusName(FileChangeKind kind) => kind switch
    {
        FileChangeKind.Added => "added",
        FileChangeKind.Deleted => "deleted",
        FileChangeKind.Renamed => "renamed",
        FileChangeKind.TypeChanged => "typeChanged",
        _ => "modified",
    };

    private static string EntryName(EntryMode mode) => mode switch
    {
        EntryMode.Executable => "executable",
        EntryMode.Symlink => "symlink",
        EntryMode.Submodule => "submodule",
        _ => "file",
    };

    private static string JsonRole(FileRole role) => role switch
    {
        FileRole.Generated => "generated",
        FileRole.Vendored => "vendored",
        FileRole.LockFile => "lockFile",
        FileRole.Test => "test",
        _ => "reviewed",
    };

    internal static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
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

    internal static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

using System.Text.Json;

namespace Hotfix.Policy.Reporting;

/// <summary>
/// A part of a report beyond the findings (branch, scope, migrations, required tests, review). A section writes its
/// JSON itself — the JSON shape is its contract, documented in docs/json-report.md — and describes itself once as
/// document blocks, from which the text, Markdown and GitHub formats are rendered.
/// </summary>
internal abstract class ReportSection
{
    /// <summary>The top-level JSON property name (e.g. <c>branch</c>); also the SARIF run property name.</summary>
    public abstract string Key { get; }

    /// <summary>Heading for people (e.g. "Branch").</summary>
    public abstract string Title { get; }

    /// <summary>Writes the section's value (an object or array) at the writer's current position.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>False for a section that only machines read (JSON, SARIF): the text and Markdown reports leave it out.</summary>
    public virtual bool ForPeople => true;

    /// <summary>Adds the section's content for people as blocks.</summary>
    public abstract void Describe(ReportDocumentBuilder document);

    public IReadOnlyList<ReportBlock> Blocks()
    {
        var builder = new ReportDocumentBuilder();
        Describe(builder);
        return builder.Blocks;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// The stable JSON report (docs/json-report.md): <c>schemaVersion</c>, <c>tool</c>, <c>summary</c>, <c>findings</c>,
/// then one property per section in report order. Written with System.Text.Json; never concatenated.
/// </summary>
internal sealed class JsonReportRenderer : IReportRenderer
{
    /// <summary>Bumped only when a key is removed or changes meaning; additions keep the version.</summary>
    public const int SchemaVersion = 1;

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Render(CheckReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WritePropertyName("tool");
            JsonSerializer.Serialize(writer, new JsonTool(report.Tool.Name, report.Tool.Version), ReportJsonContext.Default.JsonTool);
            writer.WritePropertyName("summary");
            var c = report.Counts;
            JsonSerializer.Serialize(writer, new JsonSummary(c.Errors, c.Warnings, c.Infos, c.Waived, report.IsBlocking), ReportJsonContext.Default.JsonSummary);
            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                JsonSerializer.Serialize(writer, ToJson(finding), ReportJsonContext.Default.JsonFinding);
            }

            writer.WriteEndArray();
            foreach (var section in report.Sections)
            {
                writer.WritePropertyName(section.Key);
                section.WriteJson(writer);
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static JsonFinding ToJson(Finding f) => new(
        f.RuleId,
        f.Severity.Name(),
        f.Message,
        f.Path,
        f.Line,
        f.EndLine,
        RuleCatalogue.Find(f.RuleId)?.Title,
        f.HelpLink,
        f.Waiver is { } w ? new JsonWaiver(w.Reason, w.Source, w.OriginalSeverity.Name()) : null);
}

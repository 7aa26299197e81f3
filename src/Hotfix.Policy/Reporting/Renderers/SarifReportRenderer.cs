using System.Text.Json;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// SARIF 2.1.0 for code scanning. Every catalogued rule is listed with its help URI, so results can point at them by
/// index; a waived finding carries an accepted suppression with its justification; the report's sections travel in
/// the run's property bag under their JSON names.
/// </summary>
internal sealed class SarifReportRenderer(RenderOptions options) : IReportRenderer
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string SourceRoot = "%SRCROOT%";

    public void Render(CheckReport report, TextWriter output)
    {
        var rules = RuleCatalogue.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var log = new SarifLog(
            SchemaUri,
            "2.1.0",
            [
                new SarifRun(
                    new SarifTool(new SarifDriver(
                        report.Tool.Name,
                        report.Tool.Version,
                        report.Tool.Version,
                        report.HelpBaseUri,
                        rules.Select(r => ToRule(r, report.HelpBaseUri)).ToList())),
                    report.Findings.Select(f => ToResult(f, index, report)).ToList(),
                    options.RepositoryRoot is { } root
                        ? new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(new Uri(root.TrimEnd('/') + "/").AbsoluteUri, null) }
                        : null,
                    new Dictionary<string, JsonElement> { ["hotfix"] = SectionsAsJson(report) }),
            ]);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonReportRenderer.WriterOptions))
        {
            JsonSerializer.Serialize(writer, log, SarifJsonContext.Default.SarifLog);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static SarifRule ToRule(RuleDescriptor rule, string helpBase)
    {
        var helpUri = RuleCatalogue.HelpLinkFor(rule.Id, helpBase);
        return new SarifRule(
            rule.Id,
            string.Concat(rule.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            new SarifText(rule.Title),
            new SarifText(rule.Summary),
            helpUri,
            new SarifHelp($"{rule.Summary} Runbook: {rule.RunbookLine}. See {helpUri}", $"{rule.Summary}\n\nRunbook: `{rule.RunbookLine}`\n\n[Documentation]({helpUri})"),
            new SarifConfiguration(Level(rule.DefaultSeverity)),
            new SarifRuleProperties(rule.Category, ["hotfix", rule.Category], rule.RunbookLine));
    }

    private static SarifResult ToResult(Finding f, Dictionary<string, int> index, CheckReport report)
    {
        var message = f.Message;
        SarifLocation location;
        if (f.Path is not null)
        {
            location = new SarifLocation(
                new SarifPhysicalLocation(
                    new SarifArtifactLocation(EscapePath(f.Path), SourceRoot),
                    f.Line is { } line ? new SarifRegion(line, f.EndLine is { } end && end >= line ? end : null) : null),
                null);
        }
        else
        {
            // GitHub code scanning rejects the whole upload for one result without a file, so a finding about the
            // branch is shown on a real file of it (BranchFindingFile's order) and its message says which branch.
            var branch = report.Subject.BranchName;
            var file = report.BranchFindingFile ?? PolicyParser.DefaultFileName;
            message += $" (About branch '{branch}' as a whole; shown on {file}.)";
            location = new SarifLocation(
                new SarifPhysicalLocation(new SarifArtifactLocation(EscapePath(file), SourceRoot), new SarifRegion(1, null)),
                [new SarifLogicalLocation(branch, "refs/heads/" + branch, "branch")]);
        }

        return new SarifResult(
            f.RuleId,
            index.TryGetValue(f.RuleId, out var i) ? i : -1,
            Level(f.Severity),
            new SarifText(message),
            [location],
            f.Waiver is { } w ? [new SarifSuppression(Kind(w), "accepted", w.Reason)] : null);
    }

    /// <summary>"inSource" for waivers written next to the code (a comment), "external" for flags and policy files.</summary>
    private static string Kind(Waiver waiver) =>
        waiver.Source.StartsWith("comment", StringComparison.OrdinalIgnoreCase) ? "inSource" : "external";

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A repository-relative path as a relative URI reference (spaces, '#', '%' … percent-encoded).</summary>
    private static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static JsonElement SectionsAsJson(CheckReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var section in report.Sections)
            {
                writer.WritePropertyName(section.Key);
                section.WriteJson(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}

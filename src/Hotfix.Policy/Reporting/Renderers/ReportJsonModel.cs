using System.Text.Json.Serialization;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>The JSON shape of one finding (docs/json-report.md). Every key is always present; absent values are null.</summary>
internal sealed record JsonFinding(
    string RuleId,
    string Severity,
    string Message,
    string? Path,
    int? Line,
    int? EndLine,
    string? Title,
    string? HelpUri,
    JsonWaiver? Waiver);

internal sealed record JsonWaiver(string Reason, string Source, string OriginalSeverity);

internal sealed record JsonSummary(int Errors, int Warnings, int Infos, int Waived, bool Blocking);

internal sealed record JsonTool(string Name, string Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(JsonFinding))]
[JsonSerializable(typeof(JsonSummary))]
[JsonSerializable(typeof(JsonTool))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

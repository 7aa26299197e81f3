using System.Text.Json.Serialization;

namespace Hotfix.Policy.Decisions;

/// <summary>The JSON of <c>hotfix decide</c> (docs/json-report.md, "decide"); every key is always present.</summary>
internal sealed record DecisionJson(
    string Decision,
    string? Detail,
    string Rule,
    string Source,
    string Basis,
    string Why,
    IReadOnlyList<MatchedRowJson> Matched,
    IReadOnlyList<UndeterminedRowJson> Undetermined,
    IReadOnlyList<string> Facts,
    IReadOnlyList<NextStepJson> NextSteps)
{
    public static DecisionJson From(RollbackDecision d) => new(
        d.Decision,
        d.Detail,
        d.Rule.Id,
        d.Rule.Source.KindName,
        d.Rule.Source.Text,
        d.Decided.Why,
        d.Matched.Select(m => new MatchedRowJson(m.Row.Id, m.Row.Decision, m.Row.Detail, m.Why, m.Row.Precedence, m.Row.Source.KindName, m.LostBecause)).ToList(),
        d.Undetermined.Select(u => new UndeterminedRowJson(u.Row.Id, u.Row.Decision, u.Row.Precedence, u.Known, u.MissingInputs)).ToList(),
        d.Facts,
        d.NextSteps.Select(s => new NextStepJson(s.Text, s.Commands, s.Actions.Count == 0 ? null : s.Actions.Select(a => new ActionJson(a.Verb, a.Arguments)).ToList())).ToList());
}

internal sealed record MatchedRowJson(string Rule, string Decision, string? Detail, string Why, int Precedence, string Source, string? LostBecause);

internal sealed record UndeterminedRowJson(string Rule, string Decision, int Precedence, string Known, IReadOnlyList<string> MissingInputs);

internal sealed record NextStepJson(
    string Text,
    IReadOnlyList<string> Commands,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionJson>? Actions);

internal sealed record ActionJson(string Verb, IReadOnlyList<string> Arguments);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DecisionJson))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext;

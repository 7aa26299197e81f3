using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotfix.Policy.Policies.Validation;

namespace Hotfix.Policy.Policies;

/// <summary>
/// Reads hotfix.json text into the effective policy. The file is layered over the runbook defaults: objects merge key
/// by key, arrays and plain values replace. Order of checks: JSON syntax, then structure (unknown keys, JSON types),
/// then meaning (FluentValidation). Every problem is reported, with its JSON path: a syntax error stops the reading, a
/// problem of structure does not (the meaning of the rest of the file is still checked).
/// </summary>
internal static partial class PolicyParser
{
    public const string DefaultFileName = "hotfix.json";
    public const string BuiltInSource = "built-in runbook defaults";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>The runbook's own policy, as loaded when no file exists.</summary>
    public static PolicyLoadResult Defaults() => PolicyLoadResult.Valid(BuiltInSource, HotfixPolicy.Runbook);

    /// <summary>Parses policy text; <paramref name="source"/> names it in messages (usually the file path).</summary>
    public static PolicyLoadResult Parse(string json, string source)
    {
        // A valid file is read section by section (SectionedPolicyReader); anything else — a syntax error, a problem
        // of shape or of meaning — is read again by the whole-model reader, whose messages are the reference.
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException)
        {
            return ParseWholeModel(json, source);
        }

        return node is JsonObject file && SectionedPolicyReader.TryRead(file) is { } policy && ValidPolicyFastPath.Accepts(policy)
            ? PolicyLoadResult.Valid(source, policy)
            : ParseWholeModel(json, source);
    }

    /// <summary>
    /// The whole-model reader: the whole runbook policy serialised, the file merged into it, the whole policy read back.
    /// What <see cref="Parse"/> falls back to for any file it does not accept, and the reference its tests compare with.
    /// </summary>
    internal static PolicyLoadResult ParseWholeModel(string json, string source)
    {
        var problems = new List<PolicyProblem>();
        JsonNode? node;
        try
        {
            node = ReadNode(json, problems);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : JsonPath.Root;
            problems.Add(new PolicyProblem(where, "malformed JSON (" + CleanMessage(e.Message) + ")", "a JSON object; // and /* */ comments and trailing commas are allowed"));
            return PolicyLoadResult.Invalid(source, problems);
        }

        if (node is not JsonObject userObject)
        {
            problems.Add(new PolicyProblem(JsonPath.Root, PolicyShapeChecker.Describe(node), "a JSON object such as {} (every key is optional)"));
            return PolicyLoadResult.Invalid(source, problems);
        }

        // Shape problems do not stop the reading: the checker removes what it reported, so the meaning of the rest is
        // checked in the same run and a typo'd key does not hide a value out of range next to it.
        var shape = PolicyShapeChecker.Check(userObject, PolicyJsonContext.Default.HotfixPolicy, JsonPath.Root, problems);

        var merged = JsonSerializer.SerializeToNode(HotfixPolicy.Runbook, PolicyJsonContext.Default.HotfixPolicy)!.AsObject();
        Merge(merged, userObject);

        HotfixPolicy policy;
        try
        {
            policy = merged.Deserialize(PolicyJsonContext.Default.HotfixPolicy)!;
        }
        catch (JsonException e)
        {
            problems.Add(new PolicyProblem(e.Path ?? JsonPath.Root, "a value that cannot be read (" + CleanMessage(e.Message) + ")", "the form documented in docs/policy.md"));
            return PolicyLoadResult.Invalid(source, problems);
        }

        if (!ValidPolicyFastPath.Accepts(policy))
        {
            AddMeaningProblems(problems, HotfixPolicyValidator.Check(policy), shape.Clamped);
        }

        return problems.Count > 0 ? PolicyLoadResult.Invalid(source, problems) : PolicyLoadResult.Valid(source, policy);
    }

    /// <summary>
    /// The file as a node. System.Text.Json refuses a repeated key without saying where, so each is one more problem
    /// (path and both lines) and the file is read again keeping the last value of each key, so the rest of it is
    /// checked in the same run. A syntax error still throws.
    /// </summary>
    private static JsonNode? ReadNode(string json, List<PolicyProblem> problems)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException) when (DuplicateKeys.Find(json) is { Count: > 0 } duplicates)
        {
            problems.AddRange(duplicates);
            return DuplicateKeys.ReadKeepingLast(json, DocumentOptions with { AllowDuplicateProperties = true });
        }
    }

    /// <summary>
    /// Adds the validator's problems to the shape problems. A number too large for its type was clamped: the
    /// validator's range for that key replaces the type's range. A problem of an object holding a repaired value (a
    /// budget compared with another, say) judged a value the file does not have, and is left out.
    /// </summary>
    private static void AddMeaningProblems(List<PolicyProblem> problems, IReadOnlyList<PolicyProblem> meaning, IReadOnlySet<string> clamped)
    {
        var shapeProblems = problems.Count;
        foreach (var problem in meaning)
        {
            var shapeProblem = problems.FindIndex(0, shapeProblems, p => p.Path == problem.Path);
            if (shapeProblem >= 0 && clamped.Contains(problem.Path))
            {
                problems[shapeProblem] = problems[shapeProblem] with { Expected = problem.Expected };
            }
            else if (shapeProblem < 0 && !problems.Take(shapeProblems).Any(p => IsInside(p.Path, problem.Path)))
            {
                problems.Add(problem);
            }
        }
    }

    private static bool IsInside(string path, string ancestor) =>
        ancestor != JsonPath.Root && path.Length > ancestor.Length && path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[';

    /// <summary>The effective policy as indented JSON (what <c>hotfix policy show</c> prints).</summary>
    public static string ToJson(HotfixPolicy policy) => JsonSerializer.Serialize(policy, PolicyJsonContext.Default.HotfixPolicy);

    /// <summary>Objects merge key by key (recursively); everything else in <paramref name="overlay"/> replaces.</summary>
    internal static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay.ToList())
        {
            if (value is JsonObject overlayChild && target[key] is JsonObject targetChild)
            {
                Merge(targetChild, overlayChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    // System.Text.Json appends its own position; messages carry ours instead.
    private static string CleanMessage(string message) => PositionSuffix().Replace(message, string.Empty).Trim().TrimEnd('.');

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix.Policy.Reviews;

/// <summary>Review records as JSON (files handed to <c>hotfix review --record</c>, incident-record details).</summary>
public static class ReviewJson
{
    /// <summary>The record as indented camelCase JSON, the form <see cref="Parse"/> reads back.</summary>
    public static string Serialize(ReviewRecord record) => JsonSerializer.Serialize(record, ReviewJsonContext.Default.ReviewRecord);

    /// <summary>Parses a review record; malformed JSON or a value of the wrong form is an input error naming <paramref name="source"/>.</summary>
    public static ReviewRecord Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReviewJsonContext.Default.ReviewRecord)
                ?? throw new HotfixInputException($"{source}: null; expected a review record object");
        }
        catch (JsonException e)
        {
            throw new HotfixInputException(
                $"{source}: not a review record ({e.Path ?? "$"}: {e.Message.Split(" Path:")[0].TrimEnd('.')}); expected the JSON form in docs/json-report.md#review-record",
                e);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ReviewRecord))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;

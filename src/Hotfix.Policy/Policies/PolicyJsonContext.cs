using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix.Policy.Policies;

/// <summary>Source-generated (AOT-safe) JSON metadata for the policy model; keys are camelCase.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HotfixPolicy))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;

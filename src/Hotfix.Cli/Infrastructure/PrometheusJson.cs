using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix.Cli.Infrastructure;

/// <summary>The envelope of the Prometheus HTTP API (<c>/api/v1/query</c>); <c>data.result</c> varies by result type.</summary>
internal sealed record PrometheusResponse(string? Status, string? ErrorType, string? Error, PrometheusData? Data);

/// <summary><c>data</c>: the result type (vector, scalar, matrix, string) and the result in that type's shape.</summary>
internal sealed record PrometheusData(string? ResultType, JsonElement Result);

/// <summary>Source-generated (AOT-safe) JSON metadata for the Prometheus responses.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PrometheusResponse))]
internal sealed partial class PrometheusJsonContext : JsonSerializerContext;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Text;
using Hotfix.Policy.Verification;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Measures stability-window checks with a Prometheus server (policy <c>metrics.prometheus</c>): the check's PromQL is
/// evaluated with <c>/api/v1/query</c> at the checkpoint's time (<c>time=</c>, so a rerun measures the same moment),
/// and for <c>baselineRatio</c> also averaged over the hour before the incident's first record. A server that does not
/// answer in time, answers with an error, or has no data fails the check's measurement (never passes it): the caller
/// records nothing.
/// </summary>
internal sealed class PrometheusMetrics : IStabilityMetrics, IDisposable
{
    /// <summary>Subquery resolution of the baseline: fixed, so the baseline does not depend on the server's default step.</summary>
    private const string BaselineWindow = "[1h:1m]";

    /// <summary>Prometheus answers are a few hundred bytes; anything near this is not an answer to one query.</summary>
    private const int MaxResponseBytes = 4 << 20;

    private readonly HttpClient client;
    private readonly Uri endpoint;

    public PrometheusMetrics(Uri baseUrl, string? bearerToken, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl;
        endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/query");
        client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.Timeout = timeout;
        client.MaxResponseContentBufferSize = MaxResponseBytes;
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri BaseUrl { get; }

    public string Source => "prometheus";

    public async Task<MetricReading?> MeasureAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Check.Query is not { } query)
        {
            return null;
        }

        var value = await QueryAsync(request, query, request.At, "value", cancellationToken).ConfigureAwait(false);
        double? baseline = null;
        if (request.Check.BaselineRatio is not null)
        {
            baseline = await QueryAsync(request, $"avg_over_time(({query}){BaselineWindow})", request.IncidentStartedAt, "baseline (the hour before the incident's first record)", cancellationToken).ConfigureAwait(false);
        }

        return MetricJudgement.Judge(request.Check, value, baseline);
    }

    public void Dispose() => client.Dispose();

    private async Task<double> QueryAsync(MetricRequest request, string query, DateTimeOffset time, string what, CancellationToken cancellationToken)
    {
        var subject = $"{request.Checkpoint} check '{request.Check.Id}': the {what} from Prometheus at {BaseUrl} as of {StabilityWindow.Time(time)}";
        var state = $"nothing was recorded; rerun hotfix verify {request.Incident ?? "INC-…"} --at {request.Checkpoint} --check {request.Check.Id} when Prometheus answers, or attest it ({request.Check.Id}=pass|fail:note)";
        using var form = new FormUrlEncodedContent(
        [
            new("query", query),
            new("time", (time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture)),
        ]);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.PostAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HotfixOperationException($"{subject}: no answer within {client.Timeout.TotalSeconds:0} s (policy metrics.prometheus.timeoutSeconds)", state, e);
        }
        catch (HttpRequestException e)
        {
            throw new HotfixOperationException($"{subject}: the server cannot be reached ({e.Message})", state, e);
        }

        using (response)
        {
            var answer = Parse(body);
            if (answer is { Status: "error" })
            {
                var message = $"{subject}: Prometheus refused the query: {answer.ErrorType}: {Echo.Of(answer.Error ?? "no message")}";
                throw answer.ErrorType == "bad_data"
                    ? new HotfixInputException($"{message}; expected policy stabilityWindow.checkpoints.{request.Checkpoint} check '{request.Check.Id}' to have a PromQL query that returns one number")
                    : new HotfixOperationException(message, state);
            }

            if (!response.IsSuccessStatusCode || answer is not { Status: "success", Data: { } data })
            {
                var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? " (policy metrics.prometheus.bearerToken names the variable holding the token)"
                    : string.Empty;
                throw new HotfixOperationException($"{subject}: HTTP {(int)response.StatusCode} {response.ReasonPhrase} without a Prometheus answer{hint}", state);
            }

            return Number(data, subject, request, state);
        }
    }

    private static PrometheusResponse? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, PrometheusJsonContext.Default.PrometheusResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Number(PrometheusData data, string subject, MetricRequest request, string state)
    {
        JsonElement sample;
        switch (data.ResultType)
        {
            case "scalar":
                sample = data.Result;
                break;
            case "vector" when data.Result.ValueKind == JsonValueKind.Array:
                var series = data.Result.GetArrayLength();
                if (series == 0)
                {
                    throw new HotfixOperationException($"{subject}: the query returned no data (no series at that time) — a check without a number is never passed", state);
                }

                if (series > 1)
                {
                    throw new HotfixInputException($"{subject}: the query returned {series} series; expected policy stabilityWindow.checkpoints.{request.Checkpoint} check '{request.Check.Id}' to have a query that returns one number (aggregate it, e.g. sum(...) or max(...))");
                }

                sample = data.Result[0].TryGetProperty("value", out var value) ? value : default;
                break;
            default:
                throw new HotfixInputException($"{subject}: the query returned a {Echo.Of(data.ResultType ?? "missing")} result; expected policy stabilityWindow.checkpoints.{request.Checkpoint} check '{request.Check.Id}' to have a query that returns one number (an instant vector of one series, or a scalar)");
        }

        if (sample.ValueKind != JsonValueKind.Array || sample.GetArrayLength() != 2 || sample[1].ValueKind != JsonValueKind.String)
        {
            throw new HotfixOperationException($"{subject}: the answer has no [time, \"value\"] sample", state);
        }

        var text = sample[1].GetString()!;
        var number = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
        };
        if (double.IsNaN(number))
        {
            throw new HotfixOperationException($"{subject}: the query returned {Echo.Of(text)}, not a number (e.g. 0/0 when there was no traffic) — a check without a number is never passed", state);
        }

        return number;
    }
}

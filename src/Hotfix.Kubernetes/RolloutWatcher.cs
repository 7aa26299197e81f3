using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;
using Hotfix.Policy.Text;

namespace Hotfix.Kubernetes;

/// <summary>
/// <c>kubectl rollout status</c>'s list-then-watch loop (a LIST by <c>metadata.name</c> gives the first state and a
/// resourceVersion; a WATCH from there gives the changes), made to survive what breaks watches in practice: a
/// watch that ends or drops is resumed from a fresh LIST; a watch that cannot be had (refused, or dropping without
/// a single event again and again) is replaced by polling. Reads that fail with an API error are not retried.
/// </summary>
internal sealed class RolloutWatcher(ApiRequests requests, WorkloadApi api, WatchOptions options)
{
    private enum WatchEnd
    {
        Final,
        Dropped,
        DroppedEmpty,
        Unavailable,
    }

    public async Task<RolloutWaitResult> WaitAsync(WorkloadRef w, TimeSpan timeout, bool wait, Action<RolloutStatus>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (wait)
        {
            deadline.CancelAfter(timeout);
        }

        RolloutStatus? last = null;
        KubeObject? lastObject = null;
        var resumes = 0;
        var emptyDrops = 0;
        var polling = false;
        void Report(RolloutStatus status, KubeObject? obj)
        {
            if (last?.Message != status.Message)
            {
                progress?.Invoke(status);
            }

            last = status;
            lastObject = obj ?? lastObject;
        }

        RolloutWaitResult Result(RolloutStatus status) =>
            new(status, clock.Elapsed, resumes, polling, lastObject is null ? null : RevisionOf(w.Kind, lastObject));

        try
        {
            while (true)
            {
                var (obj, resourceVersion) = await api.ListByNameAsync(w, deadline.Token).ConfigureAwait(false);
                if (obj is null && lastObject is null)
                {
                    throw new KubernetesApiException($"LIST {w.Kind.Resource()}", ApiFailureKind.NotFound, 404, $"{w.Kind.Resource()}.apps \"{w.Name}\" not found", writeOutcomeUnknown: false);
                }

                if (obj is null)
                {
                    return Result(new RolloutStatus(RolloutVerdict.Deleted, $"{w.Kind.Name()} \"{w.Name}\" was not found in namespace \"{w.Namespace}\" (deleted)"));
                }

                var status = RolloutStatusViewer.Evaluate(w.Kind, obj);
                Report(status, obj);
                if (status.IsFinal || !wait)
                {
                    return Result(status);
                }

                if (polling)
                {
                    await Task.Delay(options.PollInterval, deadline.Token).ConfigureAwait(false);
                    continue;
                }

                var (end, final) = await WatchAsync(w, resourceVersion, Report, deadline.Token).ConfigureAwait(false);
                switch (end)
                {
                    case WatchEnd.Final:
                        return Result(final!);
                    case WatchEnd.Unavailable:
                        polling = true;
                        break;
                    default:
                        resumes++;
                        emptyDrops = end == WatchEnd.DroppedEmpty ? emptyDrops + 1 : 0;
                        polling = emptyDrops >= options.EmptyDropsBeforePolling;

                        // A little breathing room before resuming, growing while drops repeat.
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * resumes, 1000)), deadline.Token).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            if (last is null)
            {
                // Not one answer in the whole wait: that says nothing about the rollout, only that the server is not answering.
                throw new KubernetesApiException($"LIST {w.Kind.Resource()}", ApiFailureKind.Unavailable, null, $"the API server did not answer within the --timeout of {DurationText.Seconds(timeout)}", writeOutcomeUnknown: false, e);
            }

            return Result(new RolloutStatus(RolloutVerdict.TimedOut, $"timed out after {DurationText.Seconds(timeout)} waiting for {w.Kind.Name()} \"{w.Name}\" to roll out; last status: {last.Message}"));
        }
    }

    private async Task<(WatchEnd End, RolloutStatus? Final)> WatchAsync(WorkloadRef w, string resourceVersion, Action<RolloutStatus, KubeObject?> report, CancellationToken ct)
    {
        var round = (int)Math.Max(1, options.WatchRound.TotalSeconds);
        var path = WorkloadApi.AppsPath(w.Namespace, w.Kind.Resource())
            + $"?allowWatchBookmarks=true&fieldSelector={Uri.EscapeDataString("metadata.name=" + w.Name)}"
            + $"&resourceVersion={Uri.EscapeDataString(resourceVersion)}&timeoutSeconds={round.ToString(CultureInfo.InvariantCulture)}&watch=true";
        using var request = requests.Create(HttpMethod.Get, path);
        HttpResponseMessage response;
        try
        {
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(ct);
            headers.CancelAfter(options.RequestTimeout);
            response = await requests.SendAsync(request, headers.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // No headers within --request-timeout: a drop like any other (repeated drops lead to polling).
            return (WatchEnd.DroppedEmpty, null);
        }
        catch (HttpRequestException)
        {
            // The connection broke before the watch started: a drop (resumed; repeated drops lead to polling).
            return (WatchEnd.DroppedEmpty, null);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // The server will not give us a watch (refused, not allowed, not implemented): poll instead.
                return (WatchEnd.Unavailable, null);
            }

            var events = 0;
            try
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
                while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    events++;
                    var e = JsonNode.Parse(line);
                    var type = e?["type"]?.GetValue<string>();
                    if (type is "ADDED" or "MODIFIED" && e?["object"] is JsonObject json)
                    {
                        var obj = new KubeObject(json);
                        var status = RolloutStatusViewer.Evaluate(w.Kind, obj);
                        report(status, obj);
                        if (status.IsFinal)
                        {
                            return (WatchEnd.Final, status);
                        }
                    }
                    else if (type == "DELETED")
                    {
                        // kubectl: "object has been deleted" — never follow a recreated object silently.
                        return (WatchEnd.Final, new RolloutStatus(RolloutVerdict.Deleted, $"{w.Kind.Name()} \"{w.Name}\" has been deleted"));
                    }
                    else if (type == "ERROR")
                    {
                        // Typically 410 Gone (resourceVersion too old): start again from a fresh LIST.
                        return (WatchEnd.Dropped, null);
                    }
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or System.Text.Json.JsonException)
            {
                // The connection dropped mid-stream: resume from a fresh LIST.
            }

            return (events == 0 ? WatchEnd.DroppedEmpty : WatchEnd.Dropped, null);
        }
    }

    private static long? RevisionOf(WorkloadKind kind, KubeObject obj) =>
        kind == WorkloadKind.Deployment && long.TryParse(obj.Annotations.GetValueOrDefault(KubernetesKeys.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
}

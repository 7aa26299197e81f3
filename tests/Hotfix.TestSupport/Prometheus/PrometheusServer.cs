using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotfix.TestSupport.Prometheus;

/// <summary>
/// A real Prometheus server on loopback over a history backfilled with <c>promtool tsdb create-blocks-from
/// openmetrics</c>: deterministic data at fixed past times, queried with <c>time=</c>. Killed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log;
    private readonly TempDirectory dir;

    private PrometheusServer(Process process, StringBuilder log, TempDirectory dir, Uri url)
    {
        this.process = process;
        this.log = log;
        this.dir = dir;
        Url = url;
    }

    /// <summary>The prometheus binary on PATH, or null.</summary>
    public static string? Binary { get; } = OnPath.Find("prometheus");

    /// <summary>The promtool binary on PATH, or null.</summary>
    public static string? Promtool { get; } = OnPath.Find("promtool");

    public static string SkipReason =>
        "prometheus or promtool is not on PATH: the metrics tests need a real Prometheus server (apt-get install prometheus; .ci/run installs it).";

    /// <summary>The server's base URL (http://127.0.0.1:PORT).</summary>
    public Uri Url { get; }

    /// <summary>What the server logged so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Backfills <paramref name="openMetrics"/> (ending with <c># EOF</c>) and starts a server over it.</summary>
    public static async Task<PrometheusServer> StartAsync(string openMetrics)
    {
        if (Binary is null || Promtool is null)
        {
            throw new InvalidOperationException(SkipReason);
        }

        var dir = new TempDirectory("hotfix-prom");
        try
        {
            File.WriteAllText(dir.Combine("history.om"), openMetrics);
            var backfill = ProcessRunner.Run(Promtool, ["tsdb", "create-blocks-from", "openmetrics", "history.om", "data"], dir.Path, timeout: TimeSpan.FromMinutes(2));
            if (backfill.ExitCode != 0)
            {
                throw new InvalidOperationException("promtool could not backfill the history:\n" + backfill);
            }

            File.WriteAllText(dir.Combine("prometheus.yml"), "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
            var port = FreePort();
            var info = new ProcessStartInfo(Binary)
            {
                WorkingDirectory = dir.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add($"--config.file={dir.Combine("prometheus.yml")}");
            info.ArgumentList.Add($"--storage.tsdb.path={dir.Combine("data")}");
            info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");

            // The backfilled blocks lie months in the past: the default 15-day retention would delete them at start.
            info.ArgumentList.Add("--storage.tsdb.retention.time=100y");
            var log = new StringBuilder();
            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start prometheus.");
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new PrometheusServer(process, log, dir, new Uri($"http://127.0.0.1:{port}"));
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>A loopback port nothing listens on (for "Prometheus unreachable").</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        dir.Dispose();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await DisposeAsync();
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(Url, "/-/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(200);
        }

        var text = Log;
        await DisposeAsync();
        throw new TimeoutException($"prometheus was not ready within 60 s:\n{text}");
    }

}

/// <summary>A fact that needs the real Prometheus; skipped with the reason when prometheus or promtool is absent.</summary>
public sealed class PrometheusFactAttribute : Xunit.FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusServer.Binary is null || PrometheusServer.Promtool is null)
        {
            Skip = PrometheusServer.SkipReason;
        }
    }
}

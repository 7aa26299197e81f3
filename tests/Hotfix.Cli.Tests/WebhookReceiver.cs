using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotfix.Cli.Tests;

/// <summary>How the loopback webhook answers.</summary>
internal enum ReceiverBehaviour
{
    /// <summary>200 OK, like Slack's "ok".</summary>
    Accept,

    /// <summary>500 Internal Server Error.</summary>
    Fail,

    /// <summary>Reads the request and never answers (until disposed).</summary>
    Hang,
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (a TcpListener speaking just enough HTTP/1.1) that records every request it gets:
/// an incoming webhook as Slack or Mattermost would run it, or one that fails or hangs.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly ReceiverBehaviour behaviour;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Func<string?, string, string, Task<(int Status, string Body)>>? respond;

    public WebhookReceiver(ReceiverBehaviour behaviour = ReceiverBehaviour.Accept)
    {
        this.behaviour = behaviour;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// A server that answers every request itself: <paramref name="respond"/> gets the Authorization header (null when
    /// none), the path and the body, and returns the status and a JSON body — e.g. a gate in front of another server.
    /// </summary>
    public WebhookReceiver(Func<string?, string, string, Task<(int Status, string Body)>> respond)
        : this(ReceiverBehaviour.Accept)
    {
        this.respond = respond;
    }

    /// <summary>The server's root, for clients that add their own path.</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>The secret-looking URL a policy points at (its path is what chat tools keep secret).</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hooks/T000SECRET/B000SECRET";

    /// <summary>The requests received: method, path, content type, body.</summary>
    public ConcurrentQueue<(string Method, string Path, string? ContentType, string Body)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(buffer, stop.Token) == 0)
                    {
                        return;
                    }

                    head.Append((char)buffer[0]);
                }

                var lines = head.ToString().Split("\r\n");
                var requestLine = lines[0].Split(' ');
                string? Header(string name) => lines.Skip(1).Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();
                var length = int.Parse(Header("Content-Length") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                Requests.Enqueue((requestLine[0], requestLine[1], Header("Content-Type"), Encoding.UTF8.GetString(body)));
                if (behaviour == ReceiverBehaviour.Hang)
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }

                if (respond is not null)
                {
                    var (status, answer) = await respond(Header("Authorization"), requestLine[1], Encoding.UTF8.GetString(body));
                    var bytes = Encoding.UTF8.GetBytes(answer);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Answer\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"), stop.Token);
                    await stream.WriteAsync(bytes, stop.Token);
                    return;
                }

                var response = behaviour == ReceiverBehaviour.Accept
                    ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    : "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\nerror";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // the client went away or the receiver stopped
            }
        }
    }
}

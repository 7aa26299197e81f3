using System.Net;
using System.Net.Sockets;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>
/// An "API server" that accepts every connection on loopback, reads what the client sends, and never answers — the
/// fault of a wedged apiserver or a proxy that swallows requests. It counts connections and received bytes so a
/// test can tell that the client really reached it (a hang, not a refused connection).
/// </summary>
public sealed class SilentApiServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> held = [];
    private readonly Task accepting;
    private int connections;
    private long received;

    public SilentApiServer()
    {
        listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = Task.Run(AcceptAsync);
    }

    public Uri Uri { get; }

    public int Connections => Volatile.Read(ref connections);

    public long BytesReceived => Interlocked.Read(ref received);

    public string WriteKubeconfig(string path, string ns = "default") => TestKubeconfig.Write(path, Uri, ns);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        lock (held)
        {
            foreach (var client in held)
            {
                client.Dispose();
            }
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref connections);
            lock (held)
            {
                held.Add(client);
            }

            _ = Task.Run(() => DrainAsync(client));
        }
    }

    // Reading keeps the client's writes from blocking; nothing is ever written back.
    private async Task DrainAsync(TcpClient client)
    {
        var buffer = new byte[4096];
        try
        {
            var stream = client.GetStream();
            int n;
            while ((n = await stream.ReadAsync(buffer, stopping.Token).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref received, n);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client gave up or the server stops.
        }
    }
}

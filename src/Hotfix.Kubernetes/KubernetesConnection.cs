using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Authentication;
using k8s.Exceptions;

namespace Hotfix.Kubernetes;

/// <summary>
/// The connection KubernetesClient's <c>k8s.Kubernetes</c> sets up from a <see cref="KubernetesClientConfiguration"/> —
/// the same handler, TLS validation, client certificate, credentials, user agent and base address — without
/// constructing that class. Its constructor reads <c>config.JsonSerializerOptions</c>, which initialises the library's
/// source-generated JSON context of every Kubernetes model: merely linking that constructor puts about 4,700 types
/// with static storage into the native image, each allocated by the runtime before <c>Main</c> of every command
/// (benchmarks/README.md, start-up, third pass). The adapter never uses the typed client, so this mirrors the
/// constructor of KubernetesClient 21.0.8 (<c>CreateHttpClient</c>, <c>InitializeFromConfig</c>, <c>CertUtils</c>,
/// <c>SendRequestRaw</c>'s TLS server name) and calls the library's own public credential and certificate-validation
/// code. On a KubernetesClient upgrade, compare with that constructor.
/// </summary>
internal sealed class KubernetesConnection : IDisposable
{
    private readonly SocketsHttpHandler handler;
    private readonly X509Certificate2Collection? caCerts;
    private readonly X509Certificate2? clientCert;

    /// <exception cref="KubeConfigException">No host, or a host that is not a URL; a client key or certificate missing.</exception>
    public KubernetesConnection(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrWhiteSpace(config.Host))
        {
            throw new KubeConfigException("Host url must be set");
        }

        try
        {
            var host = new Uri(config.Host).AbsoluteUri;
            BaseUri = new Uri(host.EndsWith('/') ? host : host + "/");
        }
        catch (UriFormatException e)
        {
            throw new KubeConfigException("Bad host url", e);
        }

        if (config.SslCaCerts is { } configured)
        {
            caCerts = [];
            foreach (var cert in configured)
            {
                caCerts.Add(X509CertificateLoader.LoadCertificate(cert.RawData));
            }
        }

        TlsServerName = config.TlsServerName;
        DisableHttp2 = config.DisableHttp2;
        handler = new SocketsHttpHandler
        {
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.ClientCertificates = new X509Certificate2Collection();
        config.FirstMessageHandlerSetup?.Invoke(handler);
        HttpClient = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrWhiteSpace(config.UserAgent))
        {
            HttpClient.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", config.UserAgent);
        }

        if (BaseUri.Scheme == "https")
        {
            if (config.SkipTlsVerify)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            }
            else if (caCerts is not null)
            {
                var trusted = caCerts;
                handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    k8s.Kubernetes.CertificateValidationCallBack(sender, trusted, certificate!, chain!, errors);
            }
        }

        Credentials = k8s.Kubernetes.CreateCredentials(config);
        clientCert = ClientCertificate(config);
        if (clientCert is { } own)
        {
            handler.SslOptions.ClientCertificates.Add(own);
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => own;
        }
    }

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public Uri BaseUri { get; }

    public HttpClient HttpClient { get; }

    /// <summary>Bearer token, exec plugin, token file or basic credentials; null for anonymous access.</summary>
    public ServiceClientCredentials? Credentials { get; }

    /// <summary>The kubeconfig's <c>tls-server-name</c>: sent as the Host header, so TLS verifies that name.</summary>
    public string? TlsServerName { get; }

    /// <summary>The configuration asked for HTTP/1.1 only.</summary>
    public bool DisableHttp2 { get; }

    public void Dispose()
    {
        HttpClient.Dispose();
        foreach (var cert in caCerts ?? [])
        {
            cert.Dispose();
        }

        clientCert?.Dispose();
        handler.Dispose();
    }

    /// <summary>The library's <c>CertUtils.GetClientCert</c>: a certificate and key, each from data or a file; else none.</summary>
    private static X509Certificate2? ClientCertificate(KubernetesClientConfiguration config)
    {
        var hasCert = !string.IsNullOrWhiteSpace(config.ClientCertificateData) || !string.IsNullOrWhiteSpace(config.ClientCertificateFilePath);
        var hasKey = !string.IsNullOrWhiteSpace(config.ClientCertificateKeyData) || !string.IsNullOrWhiteSpace(config.ClientKeyFilePath);
        if (!hasCert || !hasKey)
        {
            return null;
        }

        var key = !string.IsNullOrWhiteSpace(config.ClientKeyFilePath) ? File.ReadAllText(config.ClientKeyFilePath)
            : Encoding.UTF8.GetString(Convert.FromBase64String(config.ClientCertificateKeyData));
        var cert = !string.IsNullOrWhiteSpace(config.ClientCertificateFilePath) ? File.ReadAllText(config.ClientCertificateFilePath)
            : Encoding.UTF8.GetString(Convert.FromBase64String(config.ClientCertificateData));
        var certificate = X509Certificate2.CreateFromPem(cert, key);
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return certificate;
        }

        // Windows' TLS stack needs the key in a persisted form: round-trip through PKCS#12, as the library does.
        using (certificate)
        {
            return config.ClientCertificateKeyStoreFlags is { } flags
                ? X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, flags)
                : X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}

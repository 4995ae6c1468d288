using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Municipal.Web.Tests.Mail;

/// <summary>What the server stored of one accepted message, and how the session that brought it was.</summary>
public sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, bool OverTls, string? User);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port: STARTTLS with a self-signed certificate
/// made here, and authentication required (only after TLS) with one user and password. It can answer each
/// message with a temporary refusal, as a relay that is down would, and counts every message it was offered.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public const string User = "relais-commune";
    public const string Password = "secret-du-relais-7";

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentQueue<string> _offeredSubjects = new();
    private int _refuseNext;
    private int _passwordsReceived;

    private LoopbackSmtpServer(X509Certificate2 certificate, string caFile, bool offerStartTls)
    {
        Certificate = certificate;
        CaFile = caFile;
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (offerStartTls)
                {
                    endpoint.Certificate(certificate).AllowUnsecureAuthentication(false).AuthenticationRequired(true);
                }
                else
                {
                    // A relay (or a path that stripped STARTTLS from the offer) that takes a password in clear.
                    endpoint.AllowUnsecureAuthentication(true).AuthenticationRequired(false);
                }
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            Interlocked.Increment(ref _passwordsReceived);
            return user == User && password == Password;
        }));
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        PortTask = started.Task;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>How many times a client sent a user and password.</summary>
    public int PasswordsReceived => Volatile.Read(ref _passwordsReceived);

    /// <summary>A PEM file of the server's self-signed certificate, for Municipal:Mail:TrustedCaFile.</summary>
    public string CaFile { get; }

    public int Port { get; private set; }

    private Task<int> PortTask { get; }

    /// <summary>Messages accepted, in order.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>
    /// Messages of this subject offered (DATA sent), accepted or refused. By subject: a job another test left
    /// waiting is run by any host on the storage, and would reach this server too.
    /// </summary>
    public int Offered(string subject) => _offeredSubjects.Count(s => s == subject);

    /// <summary>Messages of this subject accepted.</summary>
    public IReadOnlyList<ReceivedMail> ReceivedWith(string subject) => [.. _received.Where(r => r.Message.Subject == subject)];

    /// <summary>The next <paramref name="count"/> messages are refused with 451 (try again later); -1 refuses all.</summary>
    public void RefuseNext(int count) => Volatile.Write(ref _refuseNext, count);

    /// <summary>A relay on loopback; <paramref name="offerStartTls"/> false makes it a plain-text one that takes passwords in clear.</summary>
    public static async Task<LoopbackSmtpServer> StartAsync(string folder, bool offerStartTls = true)
    {
        var certificate = SelfSignedCertificate();
        var caFile = Path.Combine(folder, $"relais-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        var server = new LoopbackSmtpServer(certificate, caFile, offerStartTls);
        // The port is known once the listener is bound; a server that stops before that ends the wait with its error.
        await await Task.WhenAny(server.PortTask, server._running);
        server.Port = await server.PortTask;
        return server;
    }

    /// <summary>
    /// The server's own certificate for 127.0.0.1 and localhost. Its validity is on the machine's clock (TLS checks
    /// it there, not on the tests' fake clock).
    /// </summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relais.localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        // Exported and loaded again: on Linux an ephemeral key cannot serve a TLS server otherwise.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped on purpose
        }

        _stop.Dispose();
        Certificate.Dispose();
        File.Delete(CaFile);
    }

    private sealed class Store(LoopbackSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            owner._offeredSubjects.Enqueue(message.Subject ?? string.Empty);
            var refuse = Volatile.Read(ref owner._refuseNext);
            if (refuse == -1 || (refuse > 0 && Interlocked.CompareExchange(ref owner._refuseNext, refuse - 1, refuse) == refuse))
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "Relais indisponible, reessayez plus tard"));
            }

            owner._received.Enqueue(new ReceivedMail(
                message,
                transaction.From.AsAddress(),
                [.. transaction.To.Select(to => to.AsAddress())],
                context.Pipe.IsSecure,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

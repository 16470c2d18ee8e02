using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using HealthItFunctions.Local;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>
/// A real SMTP server on 127.0.0.1 that requires AUTH (PLAIN/LOGIN over plain TCP, loopback only), for the one thing
/// SmtpSink cannot show: that the configured password reaches the server and nowhere else.
/// </summary>
internal sealed class AuthenticatingSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private AuthenticatingSmtpServer(int port, string user, string password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new DelegatingUserAuthenticator((u, p) =>
        {
            Logins.Enqueue(u);
            return u == user && p == password;
        }));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>User names that tried to log in (the server checks the password; the test never stores it).</summary>
    public ConcurrentQueue<string> Logins { get; } = new();

    public int Received => _store.Count;

    public static async Task<AuthenticatingSmtpServer> StartAsync(string user, string password)
    {
        var server = new AuthenticatingSmtpServer(FreePorts.Take(1)[0], user, password);
        await FreePorts.WaitUntilListeningAsync(server.Port, TimeSpan.FromSeconds(10), () => server._running.IsCompleted);
        return server;
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
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

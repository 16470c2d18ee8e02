using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HealthItFunctions.Local;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives: each message as an .eml file (when a folder is
/// given) and in memory. The demo uses it as the editors' mailbox; tests use it to read the MIME that was sent.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store;

    private SmtpSink(int port, Store store)
    {
        Port = port;
        _store = store;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _store.Messages.ToArray();

    /// <summary>Messages refused so far (see <paramref name="refuseFirst"/> of <see cref="StartAsync"/>).</summary>
    public int Refused => _store.Refused;

    /// <param name="emlDirectory">Where each received message is written as NNN.eml; null keeps them in memory only.</param>
    /// <param name="refuseFirst">Refuse this many messages with a transient 451 first, to exercise the sender's retry.</param>
    public static async Task<SmtpSink> StartAsync(string? emlDirectory = null, int refuseFirst = 0, CancellationToken cancellationToken = default)
    {
        var port = FreePorts.Take(1)[0];
        var sink = new SmtpSink(port, new Store(emlDirectory, refuseFirst));
        await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10), () => sink._running.IsCompleted, cancellationToken);
        return sink;
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived, or the timeout passes.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_store.Messages.Count < count && waited.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        return Received;
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

    private sealed class Store(string? emlDirectory, int refuseFirst) : MessageStore
    {
        private int _attempts;
        private int _refused;

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public int Refused => Volatile.Read(ref _refused);

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) <= refuseFirst)
            {
                Interlocked.Increment(ref _refused);
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try again later (refused on purpose)");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue(message);
            if (emlDirectory is not null)
            {
                Directory.CreateDirectory(emlDirectory);
                await File.WriteAllBytesAsync(Path.Combine(emlDirectory, $"mail-{Messages.Count:D3}.eml"), buffer.ToArray(), cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}

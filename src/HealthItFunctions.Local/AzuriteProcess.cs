using System.Net.Sockets;

namespace HealthItFunctions.Local;

/// <summary>
/// Azurite from the repository's node_modules, in memory, on free loopback ports, stopped by PID on dispose.
/// The demo, `healthit serve` and the integration tests all start storage this way.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    // The emulator's published well-known account; not a secret.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly string _workDirectory;

    private AzuriteProcess(ChildProcess process, string workDirectory, int[] ports)
    {
        _process = process;
        _workDirectory = workDirectory;
        BlobEndpoint = new Uri($"http://127.0.0.1:{ports[0]}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{ports[1]}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{ports[2]}/{AccountName}");
    }

    public int ProcessId => _process.Id;

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>The Azurite script under <paramref name="repositoryRoot"/>/node_modules, or null when `npm ci` has not run.</summary>
    public static string? FindScript(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script) ? script : null;
    }

    /// <param name="repositoryRoot">The folder holding node_modules (run `npm ci` there first).</param>
    /// <param name="persistDirectory">Where Azurite keeps its data; null keeps everything in memory.</param>
    public static Task<AzuriteProcess> StartAsync(string repositoryRoot, string? persistDirectory = null, CancellationToken cancellationToken = default) =>
        StartAsync(repositoryRoot, persistDirectory, ports: null, cancellationToken);

    /// <param name="ports">Blob, queue and table ports to bind, so a restarted Azurite (same <paramref name="persistDirectory"/>)
    /// is reachable with the connection string its clients already hold; null takes free ports.</param>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? persistDirectory, IReadOnlyList<int>? ports, CancellationToken cancellationToken = default)
    {
        if (ports is not null && ports.Count != 3)
        {
            throw new ArgumentException("Give three ports: blob, queue, table.", nameof(ports));
        }

        var script = FindScript(repositoryRoot)
            ?? throw new FileNotFoundException($"Azurite is not installed under {repositoryRoot}/node_modules. Run `npm ci` in the repository root first.");

        // A port taken between asking and binding makes Azurite exit; try again with new ports.
        // Fixed ports cannot change between attempts, so there is only one.
        var attempts = ports is null ? 3 : 1;
        var fixedPorts = ports?.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            ports = fixedPorts ?? FreePorts.Take(3);
            var workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
            var process = ChildProcess.Start("node",
            [
                script,
                .. persistDirectory is null ? ["--inMemoryPersistence"] : new[] { "--location", persistDirectory },
                "--disableTelemetry", "--silent",
                // The current SDKs send storage API versions newer than Azurite 3.35.0 knows (the blob client sends
                // 2026-10-06); without this flag Azurite refuses every request.
                "--skipApiVersionCheck",
                "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
            ],
            // Azurite may drop debug files in its working directory; keep them out of the repository.
            workingDirectory: workDirectory);
            var azurite = new AzuriteProcess(process, workDirectory, [.. ports]);
            try
            {
                foreach (var port in ports)
                {
                    await FreePorts.WaitUntilListeningAsync(port, StartTimeout, () => process.HasExited, cancellationToken);
                }

                return azurite;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var output = process.Output;
                azurite.Dispose();
                if (attempt >= attempts)
                {
                    throw new InvalidOperationException($"Azurite did not start on ports {string.Join(", ", ports)}:\n{output}", e);
                }
            }
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: a temp folder left behind is harmless.
        }
    }
}

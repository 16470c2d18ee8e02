
namespace HealthItFunctions.Local;

/// <summary>
/// Everything the offline demo runs against, on loopback and stopped on dispose: Azurite, an SMTP server that
/// keeps what it receives as .eml files, and the replay of the source sites.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    private DemoEnvironment(AzuriteProcess azurite, SmtpSink mail, ReplayServer replay)
    {
        Azurite = azurite;
        Mail = mail;
        Replay = replay;
    }

    public AzuriteProcess Azurite { get; }

    public SmtpSink Mail { get; }

    public ReplayServer Replay { get; }

    public const string Editors = "editor@healthit.local";

    public const string Readers = "reader@healthit.local";

    /// <summary>Where `healthit review` and `demo --keep` serve the review page; the demo's draft notice links there.</summary>
    public const int ReviewPort = 8077;

    /// <summary>The name the demo's approval is recorded under.</summary>
    public const string EditorName = "demo editor";

    public static async Task<DemoEnvironment> StartAsync(string repositoryRoot, string replayDirectory, string emlDirectory, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteProcess.StartAsync(repositoryRoot, cancellationToken: cancellationToken);
        SmtpSink? mail = null;
        try
        {
            mail = await SmtpSink.StartAsync(emlDirectory, cancellationToken: cancellationToken);
            var replay = await ReplayServer.StartAsync(replayDirectory, cancellationToken);
            return new DemoEnvironment(azurite, mail, replay);
        }
        catch
        {
            if (mail is not null)
            {
                await mail.DisposeAsync();
            }

            azurite.Dispose();
            throw;
        }
    }

    /// <summary>The settings that point the pipeline at these services, exactly as a user would set them.</summary>
    public IReadOnlyDictionary<string, string?> Settings() => Settings(Azurite.ConnectionString, Mail.Port, Replay);

    /// <summary>The same settings for services started separately (the soak restarts its own Azurite).</summary>
    public static Dictionary<string, string?> Settings(string storageConnectionString, int smtpPort, ReplayServer replay)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtpPort.ToString(),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "healthit@healthit.local",
            ["Mail:Editors"] = Editors,
            ["Mail:Readers"] = Readers,
            // Where `demo --keep` serves the review page: the draft notice links to it.
            ["Bulletin:ReviewUrl"] = $"http://127.0.0.1:{ReviewPort}/review",
            ["Polling:UserAgentContact"] = "ops@healthit.local",
            // The replay is one local server: politeness delays would only slow the demo down.
            ["Polling:PerHostDelay"] = "00:00:00",
            ["Polling:RetryBaseDelay"] = "00:00:00.100",
            ["Polling:MaxRetries"] = "1",
        };
        foreach (var host in replay.Hosts)
        {
            settings[$"Polling:HostMap:{host}"] = $"127.0.0.1:{replay.Port}";
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Replay.DisposeAsync();
        await Mail.DisposeAsync();
        Azurite.Dispose();
    }
}

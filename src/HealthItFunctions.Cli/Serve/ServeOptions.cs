namespace HealthItFunctions.Cli.Serve;

/// <summary>Settings only `healthit serve` reads (section "Serve"); the schedules and queues use the function settings.</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    /// <summary>The loopback port of the HTTP functions (the review page and API, /api/extract); 7071 is where `func start` listens.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>
    /// The bearer token every keyed HTTP function needs under serve (setting Review:Token, bound after start-up
    /// made one when it was unset): serve's one scheme, where Azure has function keys and App Service Authentication.
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>The name edits made through serve are recorded under (setting Review:Editor); the OS user when empty.</summary>
    public string? Editor { get; set; }

    internal string EditorName => string.IsNullOrWhiteSpace(Editor) ? $"{Environment.UserName} (local)" : Editor.Trim();

    /// <summary>
    /// How long a timer's claim on an occurrence lasts without renewal. A serve killed mid-run holds an occurrence
    /// this long before another start runs it again; a running one renews at a third of it.
    /// </summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(60);
}


using System.Net;
using HealthItFunctions.Core;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>How we fetch source sites: politeness, limits, and the loopback exceptions the replay and tests need.</summary>
public sealed class PollingOptions
{
    public const string Section = "Polling";

    /// <summary>The product token sites can name in robots.txt.</summary>
    public const string ProductToken = "HealthItMonitor";

    /// <summary>An e-mail address or URL a site operator can reach us at; it goes into the User-Agent. Required.</summary>
    public string UserAgentContact { get; set; } = "";

    /// <summary>Bodies larger than this are refused, not truncated, so a partial page never reaches extraction.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>At least this long between the starts of two requests to one host (within one process).</summary>
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The whole fetch, including waiting for the host's turn, redirects, retries and the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One attempt: until the headers arrive, and separately for reading the body.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step; later steps grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After longer than this is not waited for in-line: the fetch fails and the next poll tries again.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a host's circuit stays open after repeated failures.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRedirects { get; set; } = 5;

    public bool ObeyRobotsTxt { get; set; } = true;

    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Host names (or IP literals) that may resolve to private or loopback addresses. Never the metadata address.</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>Lets any host that resolves to loopback through the SSRF guard; for local experiments only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// host → "127.0.0.1:port": connects to that endpoint instead of resolving the host, over plain HTTP,
    /// so the offline replay serves real host names. Mapped hosts pass the SSRF guard because they are mapped.
    /// </summary>
    public Dictionary<string, string> HostMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string UserAgent => $"{ProductToken}/1.0 (+{UserAgentContact}; Beijing health-IT news monitor)";

    internal static bool TryParseMapTarget(string value, out IPEndPoint endpoint) =>
        IPEndPoint.TryParse(value, out endpoint!) && endpoint.Port != 0;
}

internal sealed class PollingOptionsValidator(LocalRun? localRun = null) : IValidateOptions<PollingOptions>
{
    public ValidateOptionsResult Validate(string? name, PollingOptions options)
    {
        var errors = new List<string>();
        if (localRun is null && (options.AllowLoopback || options.HostMap.Count > 0))
        {
            errors.Add($"{PollingOptions.Section}:HostMap and {PollingOptions.Section}:AllowLoopback bypass the SSRF guard (and HostMap fetches https as http); " +
                       "they work only in local runs through the healthit CLI (demo, serve, tests). Remove them from this app's settings " +
                       $"(environment: {PollingOptions.Section}__HostMap__<host>, {PollingOptions.Section}__AllowLoopback).");
        }

        var contact = options.UserAgentContact.Trim();
        if (!(contact.Contains('@') || Uri.TryCreate(contact, UriKind.Absolute, out _)) || contact.Any(char.IsControl))
        {
            errors.Add($"{PollingOptions.Section}:UserAgentContact must be an e-mail address or URL site operators can reach us at " +
                       $"(environment: {PollingOptions.Section}__UserAgentContact).");
        }

        Require(options.MaxBodyBytes > 0, "MaxBodyBytes must be positive");
        Require(options.PerHostDelay >= TimeSpan.Zero, "PerHostDelay must not be negative");
        Require(options.Timeout > TimeSpan.Zero, "Timeout must be positive");
        Require(options.AttemptTimeout > TimeSpan.Zero && options.AttemptTimeout <= options.Timeout,
            "AttemptTimeout must be positive and at most Timeout");
        Require(options.MaxRetries is >= 0 and <= 10, "MaxRetries must be 0..10");
        Require(options.RetryBaseDelay > TimeSpan.Zero, "RetryBaseDelay must be positive");
        Require(options.MaxRetryAfter >= TimeSpan.Zero, "MaxRetryAfter must not be negative");
        Require(options.CircuitBreakDuration >= TimeSpan.FromSeconds(1), "CircuitBreakDuration must be at least 1 second");
        Require(options.MaxRedirects is >= 0 and <= 10, "MaxRedirects must be 0..10");
        Require(options.RobotsCacheDuration > TimeSpan.Zero, "RobotsCacheDuration must be positive");
        foreach (var (host, target) in options.HostMap)
        {
            Require(PollingOptions.TryParseMapTarget(target, out _),
                $"HostMap:{host} must be an IP endpoint such as 127.0.0.1:8080, not '{target}'");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Require(bool condition, string message)
        {
            if (!condition)
            {
                errors.Add($"{PollingOptions.Section}:{message}.");
            }
        }
    }
}

using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Mail;

/// <summary>
/// Checks the Mail section at start-up. Every failure names the setting and its environment-variable spelling,
/// because the person reading it is configuring an app, not reading code. The password is never echoed.
/// </summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    private static readonly string[] SecurityValues = ["None", "StartTls", "SslOnConnect", "Auto"];

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        void Fail(string setting, string problem) =>
            failures.Add($"{MailOptions.Section}:{setting} {problem} (environment: {MailOptions.Section}__{setting}).");

        var sendsMail = options.EditorList.Count > 0 || options.ReaderList.Count > 0 || !string.IsNullOrWhiteSpace(options.AlertsTo);
        if (sendsMail && string.IsNullOrWhiteSpace(options.Host))
        {
            Fail("Host", "must be set when Mail:Editors, Mail:Readers or Mail:AlertsTo lists anyone");
        }

        if (sendsMail && string.IsNullOrWhiteSpace(options.From))
        {
            Fail("From", "must be set when Mail:Editors, Mail:Readers or Mail:AlertsTo lists anyone");
        }

        // From may carry a display name ("信息中心 <healthit@example.org>"), so only the @ is checked.
        if (!string.IsNullOrWhiteSpace(options.From) && !options.From.Contains('@'))
        {
            Fail("From", $"'{options.From}' is not a mail address");
        }

        foreach (var address in options.EditorList.Concat(options.ReaderList).Concat(options.AlertList).Where(a => !IsAddress(a)).Distinct())
        {
            var setting = options.EditorList.Contains(address) ? "Editors" : options.ReaderList.Contains(address) ? "Readers" : "AlertsTo";
            Fail(setting, $"lists '{address}', which is not a mail address");
        }

        if (options.Port is < 1 or > 65535)
        {
            Fail("Port", $"{options.Port} is not a TCP port (1-65535)");
        }

        if (!SecurityValues.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            Fail("Security", $"'{options.Security}' is not one of {string.Join(", ", SecurityValues)}");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.User))
        {
            Fail("User", "must be set when Mail:Password is");
        }

        // None sends AUTH in clear; Auto falls back to clear when the server offers no STARTTLS, so a man in the middle
        // who strips it reads the password. Only a server on this machine may take a password without TLS.
        if (!string.IsNullOrEmpty(options.Password) && options.Security is { } security
            && (security.Equals("None", StringComparison.OrdinalIgnoreCase) || security.Equals("Auto", StringComparison.OrdinalIgnoreCase))
            && !IsLoopback(options.Host))
        {
            Fail("Security", $"is '{security}' while Mail:Password is set, so the password could cross the network in clear; use StartTls or SslOnConnect");
        }

        if (options.MaxAlertsPerDay < 0)
        {
            Fail("MaxAlertsPerDay", "must be 0 (no alert mails) or more");
        }

        if (options.MaxAttempts < 1)
        {
            Fail("MaxAttempts", "must be 1 or more");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            Fail("RetryDelay", "must not be negative");
        }

        if (options.BulletinLinkLifetime <= TimeSpan.Zero || options.BulletinLinkLifetime > TimeSpan.FromDays(7))
        {
            Fail("BulletinLinkLifetime", "must be more than zero and at most 7 days (the longest a user-delegation SAS lives)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    // Deliberately loose: the SMTP server is the judge; this catches a pasted name or a stray separator.
    private static bool IsAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && !value.Any(char.IsWhiteSpace) && value.IndexOf('@', at + 1) < 0;
    }
}

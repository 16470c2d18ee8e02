using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// A bulletin mail is claimed ("sending") in the record before it goes to the SMTP server and marked "sent" right
/// after the server accepts it. SMTP cannot be part of a storage transaction, so a run that dies after the server's
/// 250 and before the "sent" write leaves a claim with no "sent": the next run cannot tell whether the mail left and
/// sends it again. That copy carries the same Message-ID, which mail clients and archives use to show one message.
/// </summary>
public static class MailClaim
{
    /// <summary>
    /// How long a claim protects a send in progress. A live run finishes its attempts well within it (Mail:RetryDelay
    /// is seconds); a claim older than this belongs to a run that died, and the next run takes it over.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static bool IsLive(DateTimeOffset? claimedAt, DateTimeOffset now) => claimedAt > now - Lifetime;

    /// <summary>
    /// The same message gets the same id on every attempt and every run: the kind of mail, the month, the version and
    /// the hash of what it carries, at the sender's domain (RFC 5322 id-left and id-right).
    /// </summary>
    public static string MessageId(string kind, BulletinMonth month, int version, string hash, string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at < 0 ? "" : from[(at + 1)..].Trim().TrimEnd('>').Trim();
        return $"healthit-{kind}-{month}-v{version}-{hash[..Math.Min(16, hash.Length)]}@{(domain.Length == 0 ? "healthit.local" : domain)}";
    }
}

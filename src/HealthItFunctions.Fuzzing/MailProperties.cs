using System.Text;
using CsCheck;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Infrastructure.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HealthItFunctions.Fuzzing;

/// <summary>
/// The mail's property: hostile strings in every field a mail quotes (the masthead title, the items, the digest's
/// articles) go through the real composition (BulletinMailer, DraftNotice, the digest) and the SMTP adapter's MIME;
/// nothing throws, the message parses back, no header was injected, and what was sent is what arrives.
/// </summary>
public static class MailProperties
{
    public const string From = "healthit@healthit.local";

    private static readonly MailOptions Mail = new()
    {
        From = From,
        Editors = "editor@healthit.local",
        Readers = "reader-a@healthit.local,reader-b@healthit.local",
    };

    private static readonly DateTimeOffset Now = new(2021, 9, 2, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly Gen<StoredArticle> DigestArticle = Gen.Select(
        HostileInputs.HostileString, HostileInputs.HostileString, HostileInputs.HostileString.Array[0, 3], Gen.Int[0, 1],
        (title, media, terms, edited) => new StoredArticle
        {
            Id = "fuzz",
            Month = BulletinMonth.Parse("2021-08"),
            SourceId = "fuzz",
            Url = "https://news.example.cn/a/1.html",
            CanonicalUrl = "https://news.example.cn/a/1.html",
            Title = title,
            EditedTitle = edited == 1 ? media + title : null,
            Media = media,
            Paragraphs = [],
            DiscoveredAt = Now,
            FetchedAt = Now,
            Band = RelevanceBand.Include,
            MatchedTerms = terms,
            ClusterId = "fuzz",
        });

    /// <summary>The mails one set of hostile strings produces: the readers' bulletin, the editors' draft notice, the digest.</summary>
    public static Gen<IReadOnlyList<OutgoingMail>> Mails { get; } = Gen.Select(
        RenderingProperties.Bulletin, DigestArticle.Array[0, 3], DigestArticle.Array[0, 3],
        (bulletin, included, review) => Compose(bulletin, included, review));

    public static FuzzTarget Target() => FuzzTarget.Create(
        "mail",
        "random strings through the bulletin, draft-notice and digest mails and their MIME",
        Mails,
        mails => mails.Sum(m => m.Subject.Length + m.TextBody.Length + (m.HtmlBody?.Length ?? 0)),
        mails =>
        {
            foreach (var mail in mails)
            {
                var sent = SmtpMailer.ToMime(mail, From);
                CheckArrived(mail, sent, ParseBack(sent));
            }
        });

    /// <summary>The MIME the SMTP adapter writes for <paramref name="mail"/>, as it leaves for the server.</summary>
    public static MimeMessage ToMime(OutgoingMail mail) => SmtpMailer.ToMime(mail, From);

    /// <summary>
    /// <paramref name="received"/> (parsed back, or as a server stored it) carries exactly the headers of
    /// <paramref name="sent"/>, 7-bit, one subject with no line break, and the sanitized subject, bodies and attachments.
    /// </summary>
    public static void CheckArrived(OutgoingMail mail, MimeMessage sent, MimeMessage received)
    {
        var raw = Raw(received).Replace("\r\n", "\n", StringComparison.Ordinal);
        var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
        PropertyFailedException.Require(headerEnd > 0, () => "no blank line ends the headers");
        PropertyFailedException.Require(raw.AsSpan(0, headerEnd).IndexOfAnyExceptInRange((char)0, (char)127) < 0, () => "a raw non-ASCII character in the headers");

        var written = Names(sent.Headers);
        var read = Names(received.Headers).ToList();
        PropertyFailedException.Require(written.SequenceEqual(read), () => $"headers written [{string.Join(", ", written)}] read back as [{string.Join(", ", read)}]: a header was injected");
        PropertyFailedException.Require(received.Headers.Count(h => h.Id == HeaderId.Subject) == 1, () => "not exactly one Subject");

        var subject = TextSanitizer.SingleLine(mail.Subject);
        PropertyFailedException.Require(received.Subject == subject, () => $"subject {ParserProperties.Show(received.Subject ?? "")} arrived for {ParserProperties.Show(subject)}");
        PropertyFailedException.Require(
            received.To.Mailboxes.Select(m => m.Address).SequenceEqual(mail.To),
            () => $"recipients [{string.Join(", ", received.To.Mailboxes)}] for [{string.Join(", ", mail.To)}]");
        RequireSameText("text body", Lines(TextSanitizer.Clean(mail.TextBody)), Lines(received.TextBody));
        if (mail.HtmlBody is not null)
        {
            RequireSameText("HTML body", Lines(TextSanitizer.Clean(mail.HtmlBody)), Lines(received.HtmlBody));
        }

        var attachments = received.Attachments.OfType<MimePart>().ToList();
        PropertyFailedException.Require(attachments.Count == (mail.Attachments?.Count ?? 0), () => $"{attachments.Count} attachments for {mail.Attachments?.Count ?? 0}");
        foreach (var (expected, part) in (mail.Attachments ?? []).Zip(attachments))
        {
            var name = SmtpMailer.AttachmentName(expected.FileName);
            PropertyFailedException.Require(part.FileName == name, () => $"attachment {ParserProperties.Show(part.FileName ?? "")} for {ParserProperties.Show(name)}");
            PropertyFailedException.Require(
                name.Length <= SmtpMailer.MaxAttachmentNameChars && name.IndexOfAny(['/', '\\', '\n', '\r']) < 0 && TextSanitizer.IsClean(name),
                () => $"attachment name {ParserProperties.Show(name)} is no file name");
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            PropertyFailedException.Require(content.ToArray().AsSpan().SequenceEqual(expected.Content), () => $"attachment {ParserProperties.Show(name)} changed in transit");
        }
    }

    internal static IReadOnlyList<OutgoingMail> Compose(HostileBulletin bulletin, IReadOnlyList<StoredArticle> included, IReadOnlyList<StoredArticle> review)
    {
        var mailer = new CapturingMailer();
        var rendered = Render(bulletin);
        var records = new RecordStore();
        var bulletinOptions = Options.Create(new BulletinOptions { Title = bulletin.Options.Title, ReviewUrl = "https://healthit.example.org/api/review" });
        var version = new BulletinVersion(1, rendered.ContentHash, bulletin.Document.Items.Count, [$"2021-08/bulletin-{bulletin.Document.IssueNumber:D3}-v1.docx"], Now, rendered.SelectionHash);
        var record = new BulletinRecord { Month = bulletin.Document.Month, IssueNumber = bulletin.Document.IssueNumber, Versions = [version], ApprovedVersion = 1, ETag = "1" };

        Wait(new BulletinMailer(mailer, records, new ArchiveLinks(), Options.Create(Mail), bulletinOptions, TimeProvider.System, NullLogger<BulletinMailer>.Instance)
            .SendOnceAsync(record, rendered, CancellationToken.None));
        Wait(new DraftNotice(mailer, records, Options.Create(Mail), bulletinOptions, TimeProvider.System, NullLogger<DraftNotice>.Instance)
            .SendIfChangedAsync(record with { ApprovedVersion = 0 }, rendered, CancellationToken.None));
        mailer.Sent.Add(DigestComposer.Compose(Mail.EditorList, included, review, Now));
        return mailer.Sent;
    }

    private static RenderedBulletin Render(HostileBulletin bulletin)
    {
        var options = Options.Create(bulletin.Options);
        var html = new HtmlBulletinRenderer(options);
        IBulletinRenderer[] renderers = [new MarkdownBulletinRenderer(options), html, new DocxBulletinRenderer(options)];
        var files = renderers.Select(r => new RenderedFile($"bulletin.{r.FileExtension}", r.Format, r.ContentType, r.Render(bulletin.Document))).ToList();
        return new RenderedBulletin(bulletin.Document, files, "content", "selection") { MailHtml = Encoding.UTF8.GetString(html.RenderForMail(bulletin.Document)) };
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static MimeMessage ParseBack(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The header names, less those a transport adds on the way (MIME-Version on writing, trace fields on relaying).</summary>
    private static List<string> Names(HeaderList headers) =>
        headers.Select(h => h.Field).Where(n => n is not ("MIME-Version" or "Received" or "Return-Path" or "X-Sender" or "X-Receiver")).ToList();

    /// <summary>Line breaks as one kind (MIME sends CR LF), trailing blanks off: mail transport may rewrite both.</summary>
    private static string[] Lines(string? text) => (text ?? "").Replace("\r\n", "\n").TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToArray();

    private static void RequireSameText(string what, string[] expected, string[] actual)
    {
        var differs = expected.Zip(actual).Select((pair, i) => (pair, i)).FirstOrDefault(x => x.pair.First != x.pair.Second);
        PropertyFailedException.Require(
            expected.Length == actual.Length && differs.pair.First is null,
            () => $"{what}: {actual.Length} lines for {expected.Length}; first difference at line {differs.i}: {ParserProperties.Show(differs.pair.Second ?? "")} for {ParserProperties.Show(differs.pair.First ?? "")}");
    }

    /// <summary>Keeps what the services send; the property reads it (our own port, no server needed).</summary>
    private sealed class CapturingMailer : IMailer
    {
        public List<OutgoingMail> Sent { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Sent.Add(mail);
            return Task.CompletedTask;
        }
    }

    /// <summary>A record store that always wins the claim: the composition, not the race, is under test.</summary>
    private sealed class RecordStore : IBulletinStore
    {
        private int _etag;

        public Task<BulletinRecord?> GetAsync(BulletinMonth month, CancellationToken cancellationToken) => Task.FromResult<BulletinRecord?>(null);

        public Task<BulletinRecord?> TrySaveAsync(BulletinRecord record, CancellationToken cancellationToken) =>
            Task.FromResult<BulletinRecord?>(record with { ETag = (++_etag).ToString() });

        public Task<IReadOnlyList<BulletinRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BulletinRecord>>([]);
    }

    private sealed class ArchiveLinks : IBulletinLinks
    {
        public Task<Uri> CreateReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken cancellationToken) =>
            Task.FromResult(new Uri($"https://healthit.blob.core.windows.net/bulletins/{blobName}?sv=2025-01-05&sig=fuzz"));
    }
}

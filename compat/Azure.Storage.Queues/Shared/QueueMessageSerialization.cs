using System.Globalization;
using System.Xml.Linq;
using Azure.Storage.Queues.Models;

namespace Azure.Storage.Queues;

/// <summary>
/// Messages on the wire: the XML envelope &lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;
/// sent by Put Message and Update Message, the QueueMessagesList that Get, Peek and Put Messages return, and the
/// optional base64 encoding of the text inside.
/// </summary>
internal static class QueueMessageSerialization
{
    public static string Encode(BinaryData body, QueueMessageEncoding encoding) => encoding switch
    {
        QueueMessageEncoding.Base64 => Convert.ToBase64String(body.ToMemory().Span),
        _ => body.ToString(),
    };

    public static BinaryData Decode(string text, QueueMessageEncoding encoding) => encoding switch
    {
        QueueMessageEncoding.Base64 => new BinaryData(Convert.FromBase64String(text)),
        _ => BinaryData.FromString(text),
    };

    /// <summary>The request body; XElement escapes the text (&amp;, &lt;, &gt;) as XML requires.</summary>
    public static string ToXml(string messageText) =>
        new XElement("QueueMessage", new XElement("MessageText", messageText)).ToString(SaveOptions.DisableFormatting);

    public static SendReceipt[] ParseSendReceipts(BinaryData content) =>
        ParseList(content).Select(message => new SendReceipt
        {
            MessageId = Text(message, "MessageId"),
            InsertionTime = Date(message, "InsertionTime") ?? default,
            ExpirationTime = Date(message, "ExpirationTime") ?? default,
            PopReceipt = Text(message, "PopReceipt"),
            TimeNextVisible = Date(message, "TimeNextVisible") ?? default,
        }).ToArray();

    public static QueueMessage[] ParseReceivedMessages(BinaryData content, QueueMessageEncoding encoding) =>
        ParseList(content).Select(message => new QueueMessage
        {
            MessageId = Text(message, "MessageId"),
            InsertedOn = Date(message, "InsertionTime"),
            ExpiresOn = Date(message, "ExpirationTime"),
            PopReceipt = Text(message, "PopReceipt"),
            NextVisibleOn = Date(message, "TimeNextVisible"),
            DequeueCount = long.Parse(Text(message, "DequeueCount") ?? "0", CultureInfo.InvariantCulture),
            Body = Decode(Text(message, "MessageText") ?? string.Empty, encoding),
        }).ToArray();

    public static PeekedMessage[] ParsePeekedMessages(BinaryData content, QueueMessageEncoding encoding) =>
        ParseList(content).Select(message => new PeekedMessage
        {
            MessageId = Text(message, "MessageId"),
            InsertedOn = Date(message, "InsertionTime"),
            ExpiresOn = Date(message, "ExpirationTime"),
            DequeueCount = long.Parse(Text(message, "DequeueCount") ?? "0", CultureInfo.InvariantCulture),
            Body = Decode(Text(message, "MessageText") ?? string.Empty, encoding),
        }).ToArray();

    private static IEnumerable<XElement> ParseList(BinaryData content) =>
        XDocument.Load(content.ToStream()).Root?.Elements("QueueMessage") ?? [];

    private static string Text(XElement message, string name) => message.Element(name)?.Value;

    private static DateTimeOffset? Date(XElement message, string name) =>
        Text(message, name) is { Length: > 0 } value ? StorageHeaders.ParseHttpDate(value) : null;
}

using System.Globalization;
using Azure.Core;
using Azure.Storage.Queues.Models;

namespace Azure.Storage.Queues;

/// <summary>A queue: creating it and sending, receiving, updating and deleting its messages.</summary>
public class QueueClient
{
    private const string QueueAlreadyExists = "QueueAlreadyExists";
    private const string PopReceiptHeader = "x-ms-popreceipt";
    private const string TimeNextVisibleHeader = "x-ms-time-next-visible";

    private readonly Uri _uri;
    private readonly StorageClientConfiguration _configuration;
    private readonly QueueMessageEncoding _messageEncoding;
    private readonly string _name;

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
    }

    public QueueClient(string connectionString, string queueName)
        : this(connectionString, queueName, null)
    {
    }

    public QueueClient(string connectionString, string queueName, QueueClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        options ??= new QueueClientOptions();
        (var serviceUri, _configuration) = QueueClientConfiguration.FromConnectionString(connectionString, options);
        _uri = StorageUris.AppendName(serviceUri, queueName);
        _messageEncoding = options.MessageEncoding;
        _name = queueName;
    }

    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions options = null)
        : this(queueUri, options, effectiveOptions => QueueClientConfiguration.FromToken(queueUri, credential, effectiveOptions))
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions options = null)
        : this(queueUri, options, effectiveOptions => QueueClientConfiguration.FromSharedKey(credential, effectiveOptions))
    {
    }

    private QueueClient(Uri queueUri, QueueClientOptions options, Func<QueueClientOptions, StorageClientConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        options ??= new QueueClientOptions();
        _uri = queueUri;
        _configuration = configure(options);
        _messageEncoding = options.MessageEncoding;
        _name = StorageUris.GetResourceNames(queueUri).First;
    }

    /// <summary>For <see cref="QueueServiceClient.GetQueueClient"/>: shares the service client's pipeline and message encoding.</summary>
    internal QueueClient(Uri queueUri, StorageClientConfiguration configuration, QueueMessageEncoding messageEncoding, string queueName)
    {
        _uri = queueUri;
        _configuration = configuration;
        _messageEncoding = messageEncoding;
        _name = queueName;
    }

    public virtual string AccountName => _configuration.AccountName;

    public virtual string Name => _name;

    public virtual Uri Uri => _uri;

    private Uri MessagesUri => StorageUris.AppendName(Uri, "messages");

    /// <summary>Creates the queue. If it exists, succeeds as well, returning null when its metadata differs (the service answers 409).</summary>
    public virtual Response CreateIfNotExists(IDictionary<string, string> metadata = null, CancellationToken cancellationToken = default) =>
        CreateIfNotExistsInternal(metadata, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Creates the queue. If it exists, succeeds as well, returning null when its metadata differs (the service answers 409).</summary>
    public virtual Task<Response> CreateIfNotExistsAsync(IDictionary<string, string> metadata = null, CancellationToken cancellationToken = default) =>
        CreateIfNotExistsInternal(metadata, async: true, cancellationToken);

    public virtual Response DeleteMessage(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        DeleteMessageInternal(messageId, popReceipt, async: false, cancellationToken).EnsureCompleted();

    public virtual Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        DeleteMessageInternal(messageId, popReceipt, async: true, cancellationToken);

    public virtual Response<PeekedMessage[]> PeekMessages(int? maxMessages = default, CancellationToken cancellationToken = default) =>
        PeekMessagesInternal(maxMessages, async: false, cancellationToken).EnsureCompleted();

    public virtual Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = default, CancellationToken cancellationToken = default) =>
        PeekMessagesInternal(maxMessages, async: true, cancellationToken);

    /// <summary>Receives one message, or a null value when none is visible.</summary>
    public virtual Response<QueueMessage> ReceiveMessage(TimeSpan? visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        ReceiveMessageInternal(visibilityTimeout, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Receives one message, or a null value when none is visible.</summary>
    public virtual Task<Response<QueueMessage>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        ReceiveMessageInternal(visibilityTimeout, async: true, cancellationToken);

    public virtual Response<QueueMessage[]> ReceiveMessages() =>
        ReceiveMessages(null, null, CancellationToken.None);

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1–32, default 1) visible messages; each stays invisible to
    /// other receivers for <paramref name="visibilityTimeout"/> (default 30 s) unless deleted first.
    /// </summary>
    public virtual Response<QueueMessage[]> ReceiveMessages(int? maxMessages = default, TimeSpan? visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        ReceiveMessagesInternal(maxMessages, visibilityTimeout, async: false, cancellationToken).EnsureCompleted();

    public virtual Response<QueueMessage[]> ReceiveMessages(CancellationToken cancellationToken = default) =>
        ReceiveMessages(null, null, cancellationToken);

    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync() =>
        ReceiveMessagesAsync(null, null, CancellationToken.None);

    /// <inheritdoc cref="ReceiveMessages(int?, TimeSpan?, CancellationToken)"/>
    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = default, TimeSpan? visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        ReceiveMessagesInternal(maxMessages, visibilityTimeout, async: true, cancellationToken);

    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken = default) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    /// <summary>
    /// Adds a message, invisible for <paramref name="visibilityTimeout"/> (default 0) and kept for
    /// <paramref name="timeToLive"/> (default 7 days; -1 s for never expiring).
    /// </summary>
    public virtual Response<SendReceipt> SendMessage(BinaryData message, TimeSpan? visibilityTimeout = default, TimeSpan? timeToLive = default, CancellationToken cancellationToken = default) =>
        SendMessageInternal(message, visibilityTimeout, timeToLive, async: false, cancellationToken).EnsureCompleted();

    public virtual Response<SendReceipt> SendMessage(string messageText) =>
        SendMessage(messageText, null, null, CancellationToken.None);

    /// <inheritdoc cref="SendMessage(BinaryData, TimeSpan?, TimeSpan?, CancellationToken)"/>
    public virtual Response<SendReceipt> SendMessage(string messageText, TimeSpan? visibilityTimeout = default, TimeSpan? timeToLive = default, CancellationToken cancellationToken = default) =>
        SendMessage(TextBody(messageText), visibilityTimeout, timeToLive, cancellationToken);

    public virtual Response<SendReceipt> SendMessage(string messageText, CancellationToken cancellationToken = default) =>
        SendMessage(messageText, null, null, cancellationToken);

    /// <inheritdoc cref="SendMessage(BinaryData, TimeSpan?, TimeSpan?, CancellationToken)"/>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = default, TimeSpan? timeToLive = default, CancellationToken cancellationToken = default) =>
        SendMessageInternal(message, visibilityTimeout, timeToLive, async: true, cancellationToken);

    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText) =>
        SendMessageAsync(messageText, null, null, CancellationToken.None);

    /// <inheritdoc cref="SendMessage(BinaryData, TimeSpan?, TimeSpan?, CancellationToken)"/>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = default, TimeSpan? timeToLive = default, CancellationToken cancellationToken = default) =>
        SendMessageAsync(TextBody(messageText), visibilityTimeout, timeToLive, cancellationToken);

    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken = default) =>
        SendMessageAsync(messageText, null, null, cancellationToken);

    /// <summary>
    /// Makes a received message invisible for <paramref name="visibilityTimeout"/> from now (0: visible at once) and,
    /// unless <paramref name="message"/> is null, replaces its body. The old pop receipt stops working.
    /// </summary>
    public virtual Response<UpdateReceipt> UpdateMessage(string messageId, string popReceipt, BinaryData message, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateMessageInternal(messageId, popReceipt, message, visibilityTimeout, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="UpdateMessage(string, string, BinaryData, TimeSpan, CancellationToken)"/>
    public virtual Response<UpdateReceipt> UpdateMessage(string messageId, string popReceipt, string messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateMessage(messageId, popReceipt, messageText is null ? null : BinaryData.FromString(messageText), visibilityTimeout, cancellationToken);

    /// <inheritdoc cref="UpdateMessage(string, string, BinaryData, TimeSpan, CancellationToken)"/>
    public virtual Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, BinaryData message, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateMessageInternal(messageId, popReceipt, message, visibilityTimeout, async: true, cancellationToken);

    /// <inheritdoc cref="UpdateMessage(string, string, BinaryData, TimeSpan, CancellationToken)"/>
    public virtual Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateMessageAsync(messageId, popReceipt, messageText is null ? null : BinaryData.FromString(messageText), visibilityTimeout, cancellationToken);

    private static BinaryData TextBody(string messageText) =>
        BinaryData.FromString(messageText ?? throw new ArgumentNullException(nameof(messageText)));

    private static string Seconds(TimeSpan? duration) =>
        duration is { } value ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null;

    private async Task<Response> CreateIfNotExistsInternal(IDictionary<string, string> metadata, bool async, CancellationToken cancellationToken)
    {
        using var message = _configuration.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.AddMetadata(metadata);
        try
        {
            return await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == QueueAlreadyExists)
        {
            return null;
        }
    }

    private async Task<Response> DeleteMessageInternal(string messageId, string popReceipt, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var uri = StorageUris.AppendQuery(StorageUris.AppendName(MessagesUri, messageId), ("popreceipt", popReceipt));
        using var message = _configuration.CreateMessage(RequestMethod.Delete, uri);
        return await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response<PeekedMessage[]>> PeekMessagesInternal(int? maxMessages, bool async, CancellationToken cancellationToken)
    {
        var uri = StorageUris.AppendQuery(MessagesUri, ("peekonly", "true"), ("numofmessages", maxMessages?.ToString(CultureInfo.InvariantCulture)));
        using var message = _configuration.CreateMessage(RequestMethod.Get, uri);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(QueueMessageSerialization.ParsePeekedMessages(response.Content, _messageEncoding), response);
    }

    private async Task<Response<QueueMessage>> ReceiveMessageInternal(TimeSpan? visibilityTimeout, bool async, CancellationToken cancellationToken)
    {
        var messages = await ReceiveMessagesInternal(1, visibilityTimeout, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(messages.Value.FirstOrDefault(), messages.GetRawResponse());
    }

    private async Task<Response<QueueMessage[]>> ReceiveMessagesInternal(int? maxMessages, TimeSpan? visibilityTimeout, bool async, CancellationToken cancellationToken)
    {
        var uri = StorageUris.AppendQuery(
            MessagesUri,
            ("numofmessages", maxMessages?.ToString(CultureInfo.InvariantCulture)),
            ("visibilitytimeout", Seconds(visibilityTimeout)));
        using var message = _configuration.CreateMessage(RequestMethod.Get, uri);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(QueueMessageSerialization.ParseReceivedMessages(response.Content, _messageEncoding), response);
    }

    private async Task<Response<SendReceipt>> SendMessageInternal(
        BinaryData body, TimeSpan? visibilityTimeout, TimeSpan? timeToLive, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body, "message");
        var uri = StorageUris.AppendQuery(MessagesUri, ("visibilitytimeout", Seconds(visibilityTimeout)), ("messagettl", Seconds(timeToLive)));
        using var message = _configuration.CreateMessage(RequestMethod.Post, uri);
        SetBody(message.Request, body);
        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(QueueMessageSerialization.ParseSendReceipts(response.Content).Single(), response);
    }

    private async Task<Response<UpdateReceipt>> UpdateMessageInternal(
        string messageId, string popReceipt, BinaryData body, TimeSpan visibilityTimeout, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var uri = StorageUris.AppendQuery(
            StorageUris.AppendName(MessagesUri, messageId),
            ("popreceipt", popReceipt),
            ("visibilitytimeout", Seconds(visibilityTimeout)));
        using var message = _configuration.CreateMessage(RequestMethod.Put, uri);
        if (body is not null)
        {
            SetBody(message.Request, body);
        }

        var response = await _configuration.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(
            new UpdateReceipt
            {
                PopReceipt = response.Headers.GetValueOrDefault(PopReceiptHeader),
                NextVisibleOn = response.Headers.GetDateTimeOffset(TimeNextVisibleHeader) ?? default,
            },
            response);
    }

    private void SetBody(Request request, BinaryData body)
    {
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(QueueMessageSerialization.ToXml(QueueMessageSerialization.Encode(body, _messageEncoding)));
    }
}

using Azure.Core;

namespace Azure.Storage.Queues;

/// <summary>The account's Queue service: the root that hands out queue clients sharing its pipeline and message encoding.</summary>
public class QueueServiceClient
{
    private readonly Uri _uri;
    private readonly StorageClientConfiguration _configuration;
    private readonly QueueMessageEncoding _messageEncoding;

    /// <summary>For mocking.</summary>
    protected QueueServiceClient()
    {
    }

    public QueueServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    public QueueServiceClient(string connectionString, QueueClientOptions options)
    {
        options ??= new QueueClientOptions();
        (_uri, _configuration) = QueueClientConfiguration.FromConnectionString(connectionString, options);
        _messageEncoding = options.MessageEncoding;
    }

    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions options = null)
        : this(serviceUri, options, effectiveOptions => QueueClientConfiguration.FromToken(serviceUri, credential, effectiveOptions))
    {
    }

    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions options = null)
        : this(serviceUri, options, effectiveOptions => QueueClientConfiguration.FromSharedKey(credential, effectiveOptions))
    {
    }

    private QueueServiceClient(Uri serviceUri, QueueClientOptions options, Func<QueueClientOptions, StorageClientConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        options ??= new QueueClientOptions();
        _uri = serviceUri;
        _configuration = configure(options);
        _messageEncoding = options.MessageEncoding;
    }

    public virtual string AccountName => _configuration.AccountName;

    /// <summary>True when requests are signed with the account key, which an account SAS would be signed with.</summary>
    public virtual bool CanGenerateAccountSasUri => _configuration.SharedKeyCredential is not null;

    public virtual Uri Uri => _uri;

    /// <summary>
    /// A client for the queue <paramref name="queueName"/> below <see cref="Uri"/>, sharing this client's pipeline,
    /// credential and options (its <see cref="QueueClientOptions.MessageEncoding"/> included). Sends no request.
    /// </summary>
    public virtual QueueClient GetQueueClient(string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        return new QueueClient(StorageUris.AppendName(Uri, queueName), _configuration, _messageEncoding, queueName);
    }
}

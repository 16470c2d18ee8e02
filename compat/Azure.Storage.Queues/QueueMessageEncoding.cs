namespace Azure.Storage.Queues;

/// <summary>How message bodies travel in the XML envelope.</summary>
public enum QueueMessageEncoding
{
    /// <summary>The body is sent as UTF-8 text; it must be valid text.</summary>
    None = 0,

    /// <summary>The body's bytes are sent base64-encoded, as the Azure Functions queue trigger expects.</summary>
    Base64 = 1,
}

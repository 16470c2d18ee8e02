using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Triggers a function from a Storage queue.</summary>
public sealed class QueueTriggerAttribute : TriggerBindingAttribute
{
    public QueueTriggerAttribute(string queueName)
    {
        QueueName = queueName;
    }

    public string QueueName { get; }

    /// <summary>The name of the app setting (or setting prefix) that holds the Storage connection.</summary>
    public string? Connection { get; set; }
}

/// <summary>Writes a function's result to a Storage queue.</summary>
public sealed class QueueOutputAttribute : OutputBindingAttribute
{
    public QueueOutputAttribute(string queueName)
    {
        QueueName = queueName;
    }

    public string QueueName { get; }

    /// <summary>The name of the app setting (or setting prefix) that holds the Storage connection.</summary>
    public string? Connection { get; set; }
}

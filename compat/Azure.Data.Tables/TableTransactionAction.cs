namespace Azure.Data.Tables;

/// <summary>One operation of a transaction submitted with <see cref="TableClient.SubmitTransaction"/>.</summary>
public class TableTransactionAction
{
    /// <summary>Creates an action without an ETag condition.</summary>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity)
        : this(actionType, entity, default)
    {
    }

    /// <summary>Creates an action; <paramref name="etag"/> conditions updates and deletes (default: unconditional).</summary>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    /// <summary>The operation to perform.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity the operation applies to.</summary>
    public ITableEntity Entity { get; }

    /// <summary>The If-Match condition for updates and deletes.</summary>
    public ETag ETag { get; }
}

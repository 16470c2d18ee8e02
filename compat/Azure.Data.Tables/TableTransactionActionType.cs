namespace Azure.Data.Tables;

/// <summary>The operation a <see cref="TableTransactionAction"/> performs.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add = 0,

    /// <summary>Merge into an existing entity.</summary>
    UpdateMerge = 1,

    /// <summary>Replace an existing entity.</summary>
    UpdateReplace = 2,

    /// <summary>Delete an entity.</summary>
    Delete = 3,

    /// <summary>Insert, or merge into an existing entity.</summary>
    UpsertMerge = 4,

    /// <summary>Insert, or replace an existing entity.</summary>
    UpsertReplace = 5,
}

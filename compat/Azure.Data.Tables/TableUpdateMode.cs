namespace Azure.Data.Tables;

/// <summary>How an update treats properties that the sent entity lacks.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties that the sent entity lacks.</summary>
    Merge = 0,

    /// <summary>Replace the stored entity as a whole.</summary>
    Replace = 1,
}

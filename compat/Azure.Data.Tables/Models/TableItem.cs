namespace Azure.Data.Tables.Models;

/// <summary>A table, as listed or created by the service.</summary>
public class TableItem
{
    /// <summary>Creates an item for the named table.</summary>
    public TableItem(string name)
    {
        Name = name;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }
}

using Azure;
using Azure.Data.Tables;

namespace Compat.Tests.Tables;

/// <summary>The dictionary entity on its own, without a service.</summary>
public sealed class TableEntityTests
{
    [Fact]
    public void Constructor_WithKeys_HoldsThemAsProperties()
    {
        var entity = new TableEntity("pk", "rk");

        Assert.Equal(("pk", "rk"), (entity.PartitionKey, entity.RowKey));
        Assert.Equal(2, entity.Count);
        Assert.Equal(["PartitionKey", "RowKey"], entity.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TypedGetters_MissingProperty_ReturnNull()
    {
        var entity = new TableEntity();

        Assert.Null(entity["absent"]);
        Assert.Null(entity.GetString("absent"));
        Assert.Null(entity.GetInt32("absent"));
        Assert.Null(entity.GetDateTimeOffset("absent"));
        Assert.Null(entity.Timestamp);
        Assert.Equal(default, entity.ETag);
    }

    [Fact]
    public void TypedGetter_OtherType_ThrowsInvalidOperation()
    {
        var entity = new TableEntity { ["Number"] = 5 };

        Assert.Throws<InvalidOperationException>(() => entity.GetString("Number"));
        Assert.Throws<InvalidOperationException>(() => entity.GetInt64("Number"));
    }

    [Fact]
    public void DateGetters_EitherDateType_Convert()
    {
        var moment = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var entity = new TableEntity { ["Offset"] = moment, ["Utc"] = moment.UtcDateTime };

        Assert.Equal(moment.UtcDateTime, entity.GetDateTime("Offset"));
        Assert.Equal(moment, entity.GetDateTimeOffset("Utc"));
    }

    [Fact]
    public void Indexer_IntIntoLongOrDoubleProperty_KeepsPropertyType()
    {
        var entity = new TableEntity { ["Long"] = 1L, ["Double"] = 1.5 };

        entity["Long"] = 2;
        entity["Double"] = 3;

        Assert.Equal(2L, entity.GetInt64("Long"));
        Assert.Equal(3.0, entity.GetDouble("Double"));
    }

    [Fact]
    public void ETag_Set_StoredAsODataEtag()
    {
        var entity = new TableEntity { ETag = new ETag("W/\"x\"") };

        Assert.Equal("W/\"x\"", entity["odata.etag"]);
        Assert.Equal(new ETag("W/\"x\""), entity.ETag);
    }
}

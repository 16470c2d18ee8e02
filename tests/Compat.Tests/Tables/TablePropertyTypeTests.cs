using Azure.Data.Tables;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

public sealed class TablePropertyTypeTests(AzuriteFixture azurite) : TableTestBase(azurite)
{
    private static readonly DateTimeOffset Moment = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(8)).AddTicks(1234567);

    [Fact]
    public async Task CustomEntity_EveryPropertyType_RoundTrips()
    {
        var written = new AllTypesEntity
        {
            PartitionKey = "p",
            RowKey = "all",
            Text = "text",
            Int32 = int.MinValue,
            Int64 = long.MaxValue,
            Double = 2.0,
            Flag = true,
            Moment = Moment,
            UtcDateTime = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            Id = Guid.NewGuid(),
            Bytes = [0, 1, 254, 255],
            Level = Severity.High,
            NullableInt32 = 7,
            NullableInt64 = -1L,
            NullableDouble = 0.1,
            NullableFlag = false,
            NullableMoment = Moment,
            NullableDateTime = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            NullableId = Guid.NewGuid(),
            Renamed = "renamed",
            NotStored = "ignored",
        };

        await Table.AddEntityAsync(written, Cancellation);
        AllTypesEntity read = (await Table.GetEntityAsync<AllTypesEntity>("p", "all", cancellationToken: Cancellation)).Value;

        Assert.Equal(written.Text, read.Text);
        Assert.Equal(written.Int32, read.Int32);
        Assert.Equal(written.Int64, read.Int64);
        Assert.Equal(written.Double, read.Double);
        Assert.Equal(written.Flag, read.Flag);
        Assert.Equal(written.Moment, read.Moment);
        Assert.Equal(TimeSpan.Zero, read.Moment.Offset);
        Assert.Equal(written.UtcDateTime, read.UtcDateTime);
        Assert.Equal(DateTimeKind.Utc, read.UtcDateTime.Kind);
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.Bytes, read.Bytes);
        Assert.Equal(written.Level, read.Level);
        Assert.Equal(written.NullableInt32, read.NullableInt32);
        Assert.Equal(written.NullableInt64, read.NullableInt64);
        Assert.Equal(written.NullableDouble, read.NullableDouble);
        Assert.Equal(written.NullableFlag, read.NullableFlag);
        Assert.Equal(written.NullableMoment, read.NullableMoment);
        Assert.Equal(written.NullableDateTime, read.NullableDateTime);
        Assert.Equal(written.NullableId, read.NullableId);
        Assert.Equal("renamed", read.Renamed);
        Assert.Null(read.NotStored);
    }

    [Fact]
    public async Task CustomEntity_NullProperties_StayNull()
    {
        await Table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "nulls" }, Cancellation);

        AllTypesEntity read = (await Table.GetEntityAsync<AllTypesEntity>("p", "nulls", cancellationToken: Cancellation)).Value;
        TableEntity raw = (await Table.GetEntityAsync<TableEntity>("p", "nulls", cancellationToken: Cancellation)).Value;

        Assert.Null(read.Text);
        Assert.Null(read.Bytes);
        Assert.Null(read.NullableInt32);
        Assert.Null(read.NullableMoment);
        Assert.False(raw.ContainsKey("Text"));
        Assert.False(raw.ContainsKey("NotStored"));
        Assert.False(raw.ContainsKey("renamed_column"));
    }

    [Fact]
    public async Task TableEntity_EveryPropertyType_RoundTripsWithItsType()
    {
        var id = Guid.NewGuid();
        var written = new TableEntity("p", "dynamic")
        {
            ["Text"] = "text",
            ["Int32"] = 42,
            ["Int64"] = 1L << 40,
            ["SmallInt64"] = 5L,
            ["Double"] = 1.5,
            ["WholeDouble"] = 3.0,
            ["Flag"] = false,
            ["Moment"] = Moment,
            ["DateTime"] = new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc),
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 3 },
            ["BinaryData"] = new BinaryData(new byte[] { 4, 5 }),
        };

        await Table.AddEntityAsync(written, Cancellation);
        TableEntity read = (await Table.GetEntityAsync<TableEntity>("p", "dynamic", cancellationToken: Cancellation)).Value;

        Assert.Equal("text", read.GetString("Text"));
        Assert.Equal(42, read.GetInt32("Int32"));
        Assert.Equal(1L << 40, read.GetInt64("Int64"));
        Assert.Equal(5L, read.GetInt64("SmallInt64"));
        Assert.Equal(1.5, read.GetDouble("Double"));
        Assert.Equal(3.0, read.GetDouble("WholeDouble"));
        Assert.False(read.GetBoolean("Flag"));
        Assert.Equal(Moment, read.GetDateTimeOffset("Moment"));
        Assert.Equal(new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc), read.GetDateTime("DateTime"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetBinary("Bytes"));
        Assert.Equal(new byte[] { 4, 5 }, read.GetBinaryData("BinaryData").ToArray());
        Assert.IsType<long>(read["SmallInt64"]);
        Assert.IsType<double>(read["WholeDouble"]);
        Assert.NotNull(read.Timestamp);
        Assert.False(string.IsNullOrEmpty(read.ETag.ToString()));
    }

    [Fact]
    public async Task TableEntity_SpecialDoubles_RoundTrip()
    {
        var written = new TableEntity("p", "doubles")
        {
            ["NaN"] = double.NaN,
            ["PositiveInfinity"] = double.PositiveInfinity,
            ["NegativeInfinity"] = double.NegativeInfinity,
            ["Max"] = double.MaxValue,
            ["Tiny"] = double.Epsilon,
        };

        await Table.AddEntityAsync(written, Cancellation);
        TableEntity read = (await Table.GetEntityAsync<TableEntity>("p", "doubles", cancellationToken: Cancellation)).Value;

        Assert.Equal(double.NaN, read.GetDouble("NaN"));
        Assert.Equal(double.PositiveInfinity, read.GetDouble("PositiveInfinity"));
        Assert.Equal(double.NegativeInfinity, read.GetDouble("NegativeInfinity"));
        Assert.Equal(double.MaxValue, read.GetDouble("Max"));
        Assert.Equal(double.Epsilon, read.GetDouble("Tiny"));
    }

    [Fact]
    public async Task CustomEntity_ReadIntoWiderNumericProperty_Converts()
    {
        await Table.AddEntityAsync(new TableEntity("p", "widen") { ["Int64"] = 12, ["Double"] = 7, ["Text"] = "t" }, Cancellation);

        AllTypesEntity read = (await Table.GetEntityAsync<AllTypesEntity>("p", "widen", cancellationToken: Cancellation)).Value;

        Assert.Equal(12L, read.Int64);
        Assert.Equal(7.0, read.Double);
    }
}

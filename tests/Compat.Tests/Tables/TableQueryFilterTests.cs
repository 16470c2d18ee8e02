using Azure.Data.Tables;

namespace Compat.Tests.Tables;

/// <summary><see cref="TableClient.CreateQueryFilter(FormattableString)"/> on its own, without a service.</summary>
public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_StringWithQuotes_DoublesThem()
    {
        string name = "O'Brien's";

        Assert.Equal("Name eq 'O''Brien''s'", TableClient.CreateQueryFilter($"Name eq {name}"));
    }

    [Fact]
    public void CreateQueryFilter_InjectionAttempt_StaysOneLiteral()
    {
        string hostile = "x' or PartitionKey ne '";

        Assert.Equal("RowKey eq 'x'' or PartitionKey ne '''", TableClient.CreateQueryFilter($"RowKey eq {hostile}"));
    }

    [Fact]
    public void CreateQueryFilter_ChineseText_KeptVerbatim()
    {
        string text = "北京卫生信息化 🏥";

        Assert.Equal("Text eq '北京卫生信息化 🏥'", TableClient.CreateQueryFilter($"Text eq {text}"));
    }

    [Fact]
    public void CreateQueryFilter_DateTimeOffset_WrittenAsUtcDatetimeLiteral()
    {
        var moment = new DateTimeOffset(2024, 3, 1, 8, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal("Timestamp ge datetime'2024-03-01T00:30:00Z'", TableClient.CreateQueryFilter($"Timestamp ge {moment}"));
    }

    [Fact]
    public void CreateQueryFilter_DateTimeWithFraction_KeepsFraction()
    {
        var moment = new DateTime(2024, 3, 1, 0, 30, 0, DateTimeKind.Utc).AddTicks(1_250_000);

        Assert.Equal("At eq datetime'2024-03-01T00:30:00.125Z'", TableClient.CreateQueryFilter($"At eq {moment}"));
    }

    [Fact]
    public void CreateQueryFilter_Guid_WrittenAsGuidLiteral()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableClient.CreateQueryFilter($"Id eq {id}"));
    }

    [Fact]
    public void CreateQueryFilter_NumbersAndBooleans_WrittenAsODataLiterals()
    {
        long big = 123;
        int small = -7;
        double ratio = 0.5;
        bool flag = true;

        Assert.Equal(
            "Big eq 123L and Small eq -7 and Ratio eq 0.5 and Flag eq true",
            TableClient.CreateQueryFilter($"Big eq {big} and Small eq {small} and Ratio eq {ratio} and Flag eq {flag}"));
    }

    [Fact]
    public void CreateQueryFilter_Bytes_WrittenAsHexBinaryLiteral()
    {
        byte[] bytes = [0x00, 0xAB, 0xFF];

        Assert.Equal("Data eq X'00ABFF'", TableClient.CreateQueryFilter($"Data eq {bytes}"));
    }

    [Fact]
    public void CreateQueryFilter_Null_WrittenAsNull()
    {
        string? missing = null;

        Assert.Equal("Text eq null", TableClient.CreateQueryFilter($"Text eq {missing}"));
    }

    [Fact]
    public void CreateQueryFilter_UnsupportedArgument_ThrowsArgumentException()
    {
        var unsupported = new Uri("http://example.invalid");

        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"Link eq {unsupported}"));
    }

    [Fact]
    public void CreateQueryFilter_ServiceClient_SameEscaping()
    {
        string name = "it's";

        Assert.Equal("TableName eq 'it''s'", TableServiceClient.CreateQueryFilter($"TableName eq {name}"));
    }
}

namespace Compat.Tests.Fidelity;

public sealed class ApiListingParserTests
{
    private static readonly string[] Listing =
    [
        "// provenance header",
        "namespace Azure.Data.Tables",
        "{",
        "    [System.Runtime.InteropServices.StructLayoutAttribute(System.Runtime.InteropServices.LayoutKind.Sequential)]",
        "    public readonly partial struct TableAudience : System.IEquatable<Azure.Data.Tables.TableAudience>",
        "    {",
        "        private readonly object _dummy;",
        "        public TableAudience(string value) { throw null; }",
        "    }",
        "    public partial class TableClientOptions : Azure.Core.ClientOptions",
        "    {",
        "        public bool EnableTenantDiscovery { get { throw null; } set { } }",
        "        public enum ServiceVersion",
        "        {",
        "            V2019_02_02 = 1,",
        "        }",
        "    }",
        "    public partial interface IMarker { }",
        "}",
    ];

    [Fact]
    public void Parse_NestedScopes_KeysEachLineByItsEnclosingType()
    {
        var entries = ApiListingParser.Parse(Listing);

        Assert.Equal(
            [
                new ApiEntry("Azure.Data.Tables", "public readonly partial struct TableAudience : System.IEquatable<Azure.Data.Tables.TableAudience>"),
                new ApiEntry("Azure.Data.Tables.TableAudience", "public TableAudience(string value) { throw null; }"),
                new ApiEntry("Azure.Data.Tables", "public partial class TableClientOptions : Azure.Core.ClientOptions"),
                new ApiEntry("Azure.Data.Tables.TableClientOptions", "public bool EnableTenantDiscovery { get { throw null; } set { } }"),
                new ApiEntry("Azure.Data.Tables.TableClientOptions", "public enum ServiceVersion"),
                new ApiEntry("Azure.Data.Tables.TableClientOptions.ServiceVersion", "V2019_02_02 = 1,"),
                new ApiEntry("Azure.Data.Tables", "public partial interface IMarker"),
            ],
            entries);
    }

    [Fact]
    public void Parse_UnbalancedBraces_Throws()
    {
        Assert.Throws<FormatException>(() => ApiListingParser.Parse(["namespace A", "{", "    public partial class B", "    {"]));
    }
}

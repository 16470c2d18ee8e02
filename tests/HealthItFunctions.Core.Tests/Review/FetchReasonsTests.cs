using HealthItFunctions.Core.Review;

namespace HealthItFunctions.Core.Tests.Review;

public sealed class FetchReasonsTests
{
    [Theory]
    [InlineData("intranet.example resolves to 10.1.2.3, a private address", "10.1.2.3")]
    [InlineData("localhost resolves to ::1 (loopback)", "::1")]
    [InlineData("host resolves to fd00:1234::5, a unique-local address", "fd00:1234::5")]
    [InlineData("host resolves to ::ffff:192.168.0.1", "192.168.0.1")]
    public void WithoutAddresses_ReasonNamingAnAddress_WithholdsIt(string reason, string address)
    {
        var shown = FetchReasons.WithoutAddresses(reason);

        Assert.DoesNotContain(address, shown, StringComparison.Ordinal);
        Assert.Contains(FetchReasons.Hidden, shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("disallowed by robots.txt (Disallow: /a) for https://example.org/a")]
    [InlineData("body of https://example.org/a is larger than 5242880 bytes")]
    [InlineData("fetched at 2021-08-01 10:30:00")]
    public void WithoutAddresses_ReasonWithoutAddress_IsUnchanged(string reason)
    {
        Assert.Equal(reason, FetchReasons.WithoutAddresses(reason));
    }
}

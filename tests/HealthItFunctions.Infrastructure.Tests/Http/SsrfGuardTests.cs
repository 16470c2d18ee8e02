using System.Net;
using HealthItFunctions.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Tests.Http;

public sealed class SsrfGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.5.6.7", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("169.254.10.1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("fd00::1", "unique-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:169.254.169.254", "metadata")]
    public void Classify_InternalAddress_NamesTheKind(string address, string expectedKind)
    {
        var kind = SsrfGuard.Classify(IPAddress.Parse(address));

        Assert.NotNull(kind);
        Assert.Contains(expectedKind, kind);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("111.13.100.91")]
    [InlineData("2400:da00::6666")]
    [InlineData("::ffff:8.8.4.4")]
    public void Classify_PublicAddress_ReturnsNull(string address)
    {
        Assert.Null(SsrfGuard.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://10.0.0.7/", false)]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("http://[::1]/", false)]
    [InlineData("http://8.8.8.8/", true)]
    [InlineData("http://www.example.com/", true)]
    public void CheckLiteral_AllowListHolds127001_RefusesOtherInternalLiterals(string url, bool allowed)
    {
        var guard = Guard(options => options.AllowedPrivateHosts.Add("127.0.0.1"));

        var refusal = guard.CheckLiteral(new Uri(url));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void CheckLiteral_MetadataAddressAllowListed_StillRefused()
    {
        var guard = Guard(options => options.AllowedPrivateHosts.Add("169.254.169.254"));

        Assert.NotNull(guard.CheckLiteral(new Uri("http://169.254.169.254/latest/meta-data/")));
    }

    [Fact]
    public async Task ResolveAsync_MappedHost_ReturnsTheMappedEndpointWithoutDns()
    {
        var guard = Guard(options => options.HostMap["www.hit180.com"] = "127.0.0.1:5123");

        var endpoints = await guard.ResolveAsync("www.hit180.com", 443, TestContext.Current.CancellationToken);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 5123)], endpoints);
    }

    [Fact]
    public async Task ResolveAsync_LocalhostWithoutAllowList_ThrowsRefusal()
    {
        var guard = Guard(_ => { });

        var refusal = await Assert.ThrowsAsync<SsrfRefusedException>(() =>
            guard.ResolveAsync("localhost", 80, TestContext.Current.CancellationToken));

        Assert.Contains("loopback", refusal.Message);
    }

    [Fact]
    public async Task ResolveAsync_LocalhostWithAllowLoopback_ReturnsLoopbackEndpoints()
    {
        var guard = Guard(options => options.AllowLoopback = true);

        var endpoints = await guard.ResolveAsync("localhost", 80, TestContext.Current.CancellationToken);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address)));
    }

    private static SsrfGuard Guard(Action<PollingOptions> configure)
    {
        var options = new PollingOptions { UserAgentContact = "ops@example.org" };
        configure(options);
        return new SsrfGuard(Options.Create(options));
    }
}

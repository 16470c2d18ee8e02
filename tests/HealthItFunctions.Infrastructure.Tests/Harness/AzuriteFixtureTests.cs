using System.Net.Sockets;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Infrastructure.Tests.Harness;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task InitializeAsync_NoExternalAccount_StartsAllThreeServicesAndDisposeStopsThem()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AzuriteFixture.ConnectionStringVariable)))
        {
            Assert.Skip($"{AzuriteFixture.ConnectionStringVariable} is set, so the fixture starts nothing.");
        }

        var fixture = new AzuriteFixture();
        await fixture.InitializeAsync();
        var ports = new[] { fixture.BlobEndpoint.Port, fixture.QueueEndpoint.Port, fixture.TableEndpoint.Port };

        foreach (var port in ports)
        {
            Assert.True(await CanConnectAsync(port), $"nothing listens on {port}");
        }

        Assert.Contains($"TableEndpoint={fixture.TableEndpoint}", fixture.ConnectionString);

        await fixture.DisposeAsync();

        foreach (var port in ports)
        {
            Assert.False(await CanConnectAsync(port), $"port {port} still answers after dispose");
        }
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("Bulletin-Archive")]
    [InlineData("2026")]
    [InlineData("")]
    public void UniqueName_AnyPrefix_IsValidForTablesContainersAndQueues(string prefix)
    {
        var fixture = new AzuriteFixture();

        var first = fixture.UniqueName(prefix);
        var second = fixture.UniqueName(prefix);

        Assert.NotEqual(first, second);
        foreach (var name in new[] { first, second })
        {
            Assert.InRange(name.Length, 3, 63);
            Assert.True(char.IsAsciiLetterLower(name[0]), name);
            Assert.All(name, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c), name));
        }
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}

using HealthItFunctions.Core;
using HealthItFunctions.Infrastructure.Http;

namespace HealthItFunctions.Infrastructure.Tests.Http;

public sealed class PollingOptionsTests
{
    [Fact]
    public void Validate_Defaults_FailsOnlyForMissingContact()
    {
        var result = new PollingOptionsValidator().Validate(null, new PollingOptions());

        Assert.True(result.Failed);
        Assert.Single(result.Failures!);
        Assert.Contains("UserAgentContact", result.FailureMessage);
    }

    [Fact]
    public void Validate_DefaultsWithContact_Succeeds()
    {
        var result = new PollingOptionsValidator().Validate(null, new PollingOptions { UserAgentContact = "https://example.org/contact" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("localhost:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("http://127.0.0.1:8080")]
    public void Validate_HostMapTargetNotAnIpEndpoint_NamesTheEntry(string target)
    {
        var options = new PollingOptions { UserAgentContact = "ops@example.org" };
        options.HostMap["www.hit180.com"] = target;

        var result = new PollingOptionsValidator(new LocalRun()).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("HostMap:www.hit180.com", result.FailureMessage);
    }

    [Fact]
    public void Validate_HostMapOutsideALocalRun_RefusedNamingTheSettings()
    {
        var options = new PollingOptions { UserAgentContact = "ops@example.org" };
        options.HostMap["www.hit180.com"] = "127.0.0.1:8080";

        var result = new PollingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Polling__HostMap__", result.FailureMessage);
        Assert.Contains("local runs", result.FailureMessage);
    }

    [Fact]
    public void Validate_AllowLoopbackOutsideALocalRun_Refused()
    {
        var result = new PollingOptionsValidator().Validate(null, new PollingOptions { UserAgentContact = "ops@example.org", AllowLoopback = true });

        Assert.True(result.Failed);
        Assert.Contains("Polling__AllowLoopback", result.FailureMessage);
    }

    [Fact]
    public void Validate_HostMapInALocalRun_Succeeds()
    {
        var options = new PollingOptions { UserAgentContact = "ops@example.org", AllowLoopback = true };
        options.HostMap["www.hit180.com"] = "127.0.0.1:8080";

        Assert.True(new PollingOptionsValidator(new LocalRun()).Validate(null, options).Succeeded);
    }
}

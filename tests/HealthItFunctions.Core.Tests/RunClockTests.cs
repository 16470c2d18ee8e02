using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Core.Tests;

public sealed class RunClockTests
{
    [Fact]
    public void Create_NoStartAt_IsTheSystemClock()
    {
        using var services = Build(null, localRun: true);

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Create_StartAtInALocalRun_ReadsThatInstantAtTheProcessStartAndRunsOn()
    {
        var startAt = new DateTimeOffset(2021, 8, 31, 15, 59, 30, TimeSpan.Zero);
        using var services = Build(startAt.ToString("o"), localRun: true);
        using var process = Process.GetCurrentProcess();

        var clock = services.GetRequiredService<TimeProvider>();
        var running = DateTimeOffset.UtcNow - process.StartTime.ToUniversalTime();

        Assert.InRange(clock.GetUtcNow() - (startAt + running), TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Create_StartAtOutsideALocalRun_RefusesNamingTheSetting()
    {
        using var services = Build("2021-08-31T15:59:30Z", localRun: false);

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TimeProvider>());

        Assert.Contains("LocalRun__StartAt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_StartAtNotAnInstant_SaysWhatItTakes()
    {
        using var services = Build("tomorrow", localRun: true);

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TimeProvider>());

        Assert.Contains("LocalRun:StartAt='tomorrow' is not an instant", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string? startAt, bool localRun)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [RunClock.StartAtSetting] = startAt }).Build());
        services.AddSingleton<TimeProvider>(RunClock.Create);
        if (localRun)
        {
            services.AddSingleton<LocalRun>();
        }

        return services.BuildServiceProvider();
    }
}

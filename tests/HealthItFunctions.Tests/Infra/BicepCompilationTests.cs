namespace HealthItFunctions.Tests.Infra;

/// <summary>
/// `bicep build` and `bicep lint` over infra/ with the analyzers configured in infra/bicepconfig.json:
/// CI runs these on every run, and any warning fails it.
/// </summary>
public sealed class BicepCompilationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("healthit-bicep-").FullName;

    [Fact]
    public void BicepBuild_MainBicep_CompilesWithoutWarnings()
    {
        var result = BicepCli.Run("build", BicepCli.MainBicep, "--outdir", _scratch);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Diagnostics.Count == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_scratch, "main.json")), result.ToString());
    }

    [Fact]
    public void BicepLint_MainBicep_NoWarnings()
    {
        var result = BicepCli.Run("lint", BicepCli.MainBicep);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    // Guards the two tests above: if the analyzers were off or the diagnostics went somewhere
    // this harness does not read, "no warnings" would pass vacuously.
    [Fact]
    public void BicepLint_UnusedParameterUnderInfraConfig_ReportsWarning()
    {
        File.Copy(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json"), Path.Combine(_scratch, "bicepconfig.json"));
        var file = Path.Combine(_scratch, "unused.bicep");
        File.WriteAllText(file, "param neverUsed string\n");

        var result = BicepCli.Run("lint", file);

        Assert.Contains(result.Diagnostics, line => line.Contains("no-unused-params", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}

using System.Text.Json;
using System.Text.RegularExpressions;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Tests.Infra;

/// <summary>
/// Text checks over infra/: the Bicep sets every setting the code binds (local.settings.sample.json
/// lists exactly those), and no secret is written into the templates or their parameter file.
/// </summary>
public sealed partial class InfraSettingsTests
{
    // Local-only settings that must NOT be set in Azure:
    // - AzureWebJobsStorage: a connection string; in Azure the host uses the identity-based
    //   AzureWebJobsStorage__* settings instead (shared keys are off on the account).
    // - FUNCTIONS_WORKER_RUNTIME: Flex Consumption takes the runtime from functionAppConfig and rejects this setting.
    // - Storage__ConnectionString: Azurite locally; in Azure the app uses Storage__AccountName + identity.
    private static readonly HashSet<string> LocalOnlySettings = new(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "Storage__ConnectionString",
        // In Azure traces and metrics go to Application Insights; OTLP is for a local collector or dashboard.
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    };

    private static readonly string[] BicepFiles = Directory
        .GetFiles(Path.Combine(RepositoryPaths.Root, "infra"), "*.bicep", SearchOption.AllDirectories);

    private static string AllBicep => string.Join('\n', BicepFiles.Select(File.ReadAllText));

    private static IEnumerable<string> SampleSettingNames()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(property => property.Name).ToList();
    }

    [Fact]
    public void LocalSettingsSample_Values_ListsTheLocalOnlySettings()
    {
        // If these disappear from the sample, the exclusion list above is stale.
        Assert.Superset(LocalOnlySettings, SampleSettingNames().ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Bicep_EverySettingInLocalSettingsSample_IsSetInInfra()
    {
        var bicep = BicepFiles.Select(File.ReadAllText).ToList();

        var missing = SampleSettingNames()
            .Where(setting => !LocalOnlySettings.Contains(setting))
            .Where(setting => !bicep.Any(text => Regex.IsMatch(
                text, $@"^\s*'?{Regex.Escape(setting)}'?\s*:", RegexOptions.Multiline)))
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"In local.settings.sample.json but set by no infra/**/*.bicep: {string.Join(", ", missing)}. " +
            "Add them to the appSettings in infra/main.bicep, or to the local-only list in this test if Azure must not have them.");
    }

    [Fact]
    public void Bicep_HostStorage_IsIdentityBased()
    {
        var bicep = AllBicep;

        foreach (var setting in new[]
                 {
                     "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
                     "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
                 })
        {
            Assert.Matches(new Regex($@"^\s*{setting}\s*:", RegexOptions.Multiline), bicep);
        }

        Assert.Matches(new Regex(@"^\s*allowSharedKeyAccess:\s*false\s*$", RegexOptions.Multiline), bicep);
        Assert.DoesNotMatch(new Regex(@"^\s*AzureWebJobsStorage\s*:", RegexOptions.Multiline), bicep);
    }

    [Fact]
    public void Bicep_AccountKeysAndConnectionStringsWithKeys_AreNeverUsed()
    {
        var bicep = AllBicep;

        Assert.DoesNotContain("AccountKey=", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature=", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", bicep, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Bicep_SecretLikeProperties_HoldNoLiteralValue()
    {
        var offenders = SecretLikeLiteral().Matches(AllBicep)
            .Where(match => match.Groups["value"].Value.Length > 0
                            && !match.Groups["value"].Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
            .Select(match => match.Value.Trim())
            .ToList();

        Assert.True(offenders.Count == 0, "Inlined secret-like values:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Bicep_SecretLikeParameters_AreSecureWithEmptyDefault()
    {
        foreach (var file in BicepFiles)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var param = SecretLikeParam().Match(lines[i]);
                if (!param.Success)
                {
                    continue;
                }

                // Decorators sit on the lines directly above the declaration.
                var decorators = lines.Take(i).Reverse().TakeWhile(line => line.TrimStart().StartsWith('@'));
                Assert.True(
                    decorators.Any(line => line.Trim() == "@secure()"),
                    $"{Path.GetFileName(file)}:{i + 1}: parameter '{param.Groups["name"].Value}' looks like a secret but is not @secure().");
                Assert.True(
                    !param.Groups["default"].Success || param.Groups["default"].Value == "''",
                    $"{Path.GetFileName(file)}:{i + 1}: secure parameter '{param.Groups["name"].Value}' has a non-empty default.");
            }
        }
    }

    [Fact]
    public void Bicep_MailPassword_IsKeyVaultReferenceResolvedByTheUserAssignedIdentity()
    {
        var bicep = AllBicep;

        Assert.Matches(new Regex(@"^\s*Mail__Password:\s*'@Microsoft\.KeyVault\(SecretUri=\$\{[^}]+\}\)'\s*$", RegexOptions.Multiline), bicep);
        Assert.Matches(new Regex(@"^\s*keyVaultReferenceIdentity:\s*identityId\s*$", RegexOptions.Multiline), bicep);
        Assert.Matches(new Regex(@"^\s*enableRbacAuthorization:\s*true\s*$", RegexOptions.Multiline), bicep);
    }

    [Fact]
    public void MainParameters_SecretLikeParameters_ComeFromTheAzdEnvironment()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));

        var secretLike = parameters.RootElement.GetProperty("parameters").EnumerateObject()
            .Where(parameter => SecretLikeName().IsMatch(parameter.Name))
            .ToList();

        Assert.NotEmpty(secretLike);
        Assert.All(secretLike, parameter =>
            Assert.Matches(@"^\$\{[A-Z0-9_]+\}$", parameter.Value.GetProperty("value").GetString()));
    }

    [Theory]
    [InlineData("pollSchedule")]
    [InlineData("bulletinSchedule")]
    [InlineData("digestSchedule")]
    public void Bicep_ScheduleDefault_IsSixFieldNcrontabWithoutQuartzExtensions(string parameter)
    {
        var declaration = new Regex($@"^param {parameter} string = '(?<cron>[^']*)'", RegexOptions.Multiline).Match(AllBicep);
        Assert.True(declaration.Success, $"param {parameter} with a default not found in infra/main.bicep.");

        var fields = declaration.Groups["cron"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The Functions host's NCRONTAB has seconds and no L/W/# (last day, weekday, nth) extensions.
        Assert.Equal(6, fields.Length);
        Assert.All(fields, field => Assert.Matches(@"^[0-9*/,\-]+$", field));
    }

    // A property or setting named like a secret, assigned a quoted literal (interpolations included).
    [GeneratedRegex(@"^\s*'?(?<name>[\w.]*(password|secret|pwd|apikey|accountkey)[\w.]*)'?\s*:\s*'(?<value>[^'\n]*)'", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeLiteral();

    // The name or URI of a secret (mailPasswordSecretName) is not the secret itself.
    [GeneratedRegex(@"^param (?<name>\w*(password|secret|pwd|apikey)\w*(?<!Name|Uri)) \w+( = (?<default>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeParam();

    [GeneratedRegex("password|secret|pwd|apikey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeName();
}

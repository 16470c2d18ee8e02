using System.Text.Json;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Tests.Metadata;

/// <summary>
/// Reads functions.metadata, the file the Functions host loads, from the app's build output. A binding typo that
/// compiles (a wrong setting name, a trigger on the wrong queue) fails here instead of in Azure.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(LoadMetadata);

    public static TheoryData<string, string, string, string> ExpectedTriggers() => new()
    {
        // function, trigger type, the property that names what it listens to, its value
        { "PollSources", "timerTrigger", "schedule", "%PollSchedule%" },
        { "PollSource", "queueTrigger", "queueName", "%Queues:SourcePolls%" },
        { "ProcessArticle", "queueTrigger", "queueName", "%Queues:ArticleFetch%" },
        { "PublishBulletin", "timerTrigger", "schedule", "%BulletinSchedule%" },
        { "DailyDigest", "timerTrigger", "schedule", "%DigestSchedule%" },
        { "ExtractPreview", "httpTrigger", "route", "extract" },
        { "ReviewListArticles", "httpTrigger", "route", "months/{month}/articles" },
        { "ReviewEditArticle", "httpTrigger", "route", "articles/{id}" },
        { "ReviewAddArticle", "httpTrigger", "route", "months/{month}/articles" },
        { "ReviewArticleHistory", "httpTrigger", "route", "articles/{id}/history" },
        { "ReviewPreviewBulletin", "httpTrigger", "route", "months/{month}/bulletin/preview" },
        { "ReviewBulletinPlan", "httpTrigger", "route", "months/{month}/bulletin" },
        { "ReviewPublishBulletin", "httpTrigger", "route", "months/{month}/bulletin/publish" },
        { "ReviewSources", "httpTrigger", "route", "sources" },
        { "ReviewPage", "httpTrigger", "route", "review" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTriggers))]
    public void FunctionsMetadata_EachFunction_HasTheExpectedTrigger(string function, string triggerType, string property, string value)
    {
        var trigger = TriggerOf(function);

        Assert.Equal(triggerType, trigger.GetProperty("type").GetString(), ignoreCase: true);
        Assert.Equal(value, trigger.GetProperty(property).GetString());
    }

    [Fact]
    public void FunctionsMetadata_QueueTriggers_UseTheHostStorageConnection()
    {
        foreach (var function in new[] { "PollSource", "ProcessArticle" })
        {
            Assert.Equal("AzureWebJobsStorage", TriggerOf(function).GetProperty("connection").GetString());
        }
    }

    [Fact]
    public void FunctionsMetadata_HttpFunctions_AreAnonymousOnlyForTheKeylessPage()
    {
        var anonymous = Functions.Value
            .Where(f => Trigger(f) is var t && t.GetProperty("type").GetString()!.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)
                && string.Equals("Anonymous", t.GetProperty("authLevel").GetString(), StringComparison.OrdinalIgnoreCase))
            .Select(f => f.GetProperty("name").GetString())
            .ToList();

        // The page is static HTML with no data; every route that reads or writes data needs a key (or serve's token).
        Assert.Equal(["ReviewPage"], anonymous);
    }

    [Fact]
    public void FunctionsMetadata_DeclaredFunctions_AreExactlyTheOnesExpected()
    {
        var declared = Functions.Value.Select(f => f.GetProperty("name").GetString()!).Order().ToArray();
        var expected = ExpectedTriggers().Select(row => (string)row.Data.Item1).Order().ToArray();

        Assert.Equal(expected, declared);
    }

    private static JsonElement TriggerOf(string function) =>
        Trigger(Functions.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == function) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new Xunit.Sdk.XunitException($"functions.metadata declares no function named {function}."));

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    private static JsonElement[] LoadMetadata()
    {
        // The test project references the app, so the app was built first, in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", "HealthItFunctions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"Build src/HealthItFunctions first: {path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}

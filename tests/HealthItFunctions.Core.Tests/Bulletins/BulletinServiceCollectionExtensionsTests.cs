using HealthItFunctions.Core.Bulletins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class BulletinServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBulletinRendering_Configured_ResolvesComposerAndThreeRenderers()
    {
        using var provider = Build(new() { ["Bulletin:IssueOverrides:2021-08"] = "99" });

        var renderers = provider.GetServices<IBulletinRenderer>().ToList();
        var document = provider.GetRequiredService<BulletinComposer>().Compose(BulletinMonth.Parse("2021-08"), []);

        Assert.Equal([BulletinFormat.Markdown, BulletinFormat.Html, BulletinFormat.Docx], renderers.Select(r => r.Format));
        Assert.Equal(["md", "html", "docx"], renderers.Select(r => r.FileExtension));
        Assert.Equal(99, document.IssueNumber);
        Assert.All(renderers, r => Assert.NotEmpty(r.Render(document)));
    }

    [Theory]
    [InlineData("Bulletin:FirstIssueMonth", "April 2018", "FirstIssueMonth")]
    [InlineData("Bulletin:IssueOverrides:2021/08", "41", "IssueOverrides")]
    [InlineData("Bulletin:IssueOverrides:2021-08", "0", "IssueOverrides")]
    [InlineData("Bulletin:Title", "", "Title")]
    public void AddBulletinRendering_BadSetting_ValidationNamesIt(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BulletinOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddBulletinRendering();
        return services.BuildServiceProvider();
    }
}

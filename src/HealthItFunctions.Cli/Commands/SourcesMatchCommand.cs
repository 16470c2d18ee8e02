using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit sources match URL...</c>: which source claims each URL, its canonical form and article id, by the same
/// rule a poll and the review page's "add by URL" use (<see cref="ArticleUrls"/>).
/// </summary>
internal sealed class SourcesMatchCommand(IServiceProvider services) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Chinese paths and hosts stay readable; the line is for people and jq alike.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Group => "sources";

    public Command Build()
    {
        var urls = new Argument<string[]>("url") { Description = "Absolute http(s) URLs to match.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("match",
            "Print one JSON line per URL: {\"url\",\"source\",\"canonical\",\"id\"}; source is null where no catalogued source claims the URL. " +
            "A WeChat short link (/s/<token>) keeps its own id here; ingest resolves it to the long link's id after fetching. " +
            $"Uses the live catalog when Storage is set, else seeds/sources.json. {CliApplication.ExitCodesHelp}")
        {
            urls,
        };
        command.SetAction(async (result, cancellationToken) => await CliErrors.GuardAsync(async () =>
        {
            var given = result.GetValue(urls) ?? [];
            var bad = given.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"));
            if (bad is not null)
            {
                Console.Error.WriteLine($"error: '{bad}' is not an absolute http(s) URL; write it as https://host/path.");
                return CliOutput.UsageError;
            }

            var catalog = services.GetRequiredService<ISourceCatalog>();
            await catalog.RefreshAsync(cancellationToken);
            var identities = new ArticleUrls(catalog);
            foreach (var url in given)
            {
                var identity = identities.Identify(new Uri(url));
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    ["url"] = url,
                    ["source"] = identity.Source?.Id,
                    ["canonical"] = identity.Canonical.AbsoluteUri,
                    ["id"] = identity.Id,
                }, Json));
            }

            return CliOutput.Ok;
        }));
        return command;
    }
}

using System.CommandLine;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Polling;
using HealthItFunctions.Core.Urls;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// <c>healthit links forget URL…</c>: clears a dropped or failed link from the article index, so the next poll offers it
/// again and "add by URL" no longer answers "seen before". A stored article is never forgotten.
/// </summary>
internal sealed class LinksForgetCommand(IServiceProvider services) : ICliCommand
{
    public string Group => "links";

    public Command Build()
    {
        var urls = new Argument<string[]>("url") { Description = "The article addresses, as found on the list page or shown in the drop reason.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("forget", $"Forget dropped or failed links so they are fetched again (stored ones are kept). Needs Storage__ConnectionString. {CliApplication.ExitCodesHelp}") { urls };
        command.SetAction(async (parse, cancellationToken) => await CliErrors.GuardAsync(async () =>
        {
            var index = services.GetRequiredService<IArticleIndex>();
            var exit = CliOutput.Ok;
            foreach (var text in parse.GetValue(urls) ?? [])
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    Console.Error.WriteLine($"error: '{text}' is not an absolute http(s) URL.");
                    exit = CliOutput.UsageError;
                    continue;
                }

                // The id the poll gave it: the claiming source's canonical rule (https, aliases, query rules), not only the generic one.
                var id = new ArticleUrls(services.GetRequiredService<ISourceCatalog>()).Identify(url).Id;
                var before = await index.ForgetAsync(id, cancellationToken);
                Console.WriteLine(before switch
                {
                    LinkState.Unknown => $"{url}: not in the index (already fetchable)",
                    LinkState.Stored => $"{url}: stored as {id}; kept",
                    _ => $"{url}: was {before.ToString().ToLowerInvariant()}; forgotten, the next poll fetches it again",
                });
            }

            return exit;
        }));
        return command;
    }
}

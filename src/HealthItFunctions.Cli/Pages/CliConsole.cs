using Spectre.Console;

namespace HealthItFunctions.Cli.Pages;

/// <summary>
/// Progress, warnings and errors go to stderr, so that stdout stays data a script can redirect. No ANSI escapes
/// when the stream is not a terminal or NO_COLOR is set (https://no-color.org).
/// </summary>
internal static class CliConsole
{
    private static readonly Lazy<IAnsiConsole> LazyStderr = new(() => Create(Console.Error, Console.IsErrorRedirected));

    public static IAnsiConsole Stderr => LazyStderr.Value;

    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
    }

    /// <summary>A live progress bar only on a terminal; redirected, it would be a stream of percentages.</summary>
    public static bool ShowsProgress(IAnsiConsole console) => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
}

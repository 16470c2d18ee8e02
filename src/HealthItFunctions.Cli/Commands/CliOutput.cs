namespace HealthItFunctions.Cli.Commands;

/// <summary>
/// Where the pipeline commands write: results on stdout, progress and errors on stderr, so `healthit … > file`
/// captures only results. Plain text: nothing here emits ANSI codes, whatever the stream is.
/// </summary>
internal static class CliOutput
{
    public const int Ok = 0;
    public const int UsageError = 1;
    public const int RuntimeError = 2;

    public static void Progress(string line) => Console.Error.WriteLine(line);

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return RuntimeError;
    }
}

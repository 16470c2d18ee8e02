using System.Text.RegularExpressions;

namespace Compat.Tests.Fidelity;

/// <summary>
/// Reads an api listing in the Azure SDK's format (the GenAPI output under each package's <c>api/</c> folder):
/// one declaration a line, braces on lines of their own, attributes on the lines above what they decorate.
/// </summary>
internal static partial class ApiListingParser
{
    public static IReadOnlyList<ApiEntry> Parse(IEnumerable<string> lines)
    {
        var entries = new List<ApiEntry>();
        var scopes = new Stack<string>();
        string? opening = null;

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || IsIgnored(line))
            {
                continue;
            }

            if (line.StartsWith("namespace ", StringComparison.Ordinal))
            {
                opening = line["namespace ".Length..].Trim();
                continue;
            }

            if (line == "{")
            {
                scopes.Push(opening ?? throw new FormatException("A '{' that opens neither a namespace nor a type."));
                opening = null;
                continue;
            }

            if (line == "}")
            {
                if (scopes.Count == 0)
                {
                    throw new FormatException("A '}' without its '{'.");
                }

                scopes.Pop();
                continue;
            }

            var scope = scopes.Count > 0 ? scopes.Peek() : "";
            var type = TypeDeclaration().Match(line);
            if (type.Success)
            {
                // GenAPI writes a type without members as "... { }" on one line.
                var isEmpty = line.EndsWith("{ }", StringComparison.Ordinal);
                entries.Add(new ApiEntry(scope, isEmpty ? line[..^3].TrimEnd() : line));
                if (!isEmpty)
                {
                    opening = Qualify(scope, type.Groups["name"].Value);
                }

                continue;
            }

            entries.Add(new ApiEntry(scope, line));
        }

        if (scopes.Count != 0)
        {
            throw new FormatException($"Unclosed scope '{scopes.Peek()}'.");
        }

        return entries;
    }

    public static string Qualify(string scope, string name) => scope.Length == 0 ? name : $"{scope}.{name}";

    // Attributes (reflection sees them, but listings keep only some), comments (the worker listings carry a
    // provenance header), and the private dummy fields GenAPI gives structs to pin their layout.
    private static bool IsIgnored(string line) =>
        line.StartsWith('[') || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("private ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:(?:public|protected|internal|static|abstract|sealed|readonly|ref|partial|unsafe|new)\s+)*(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*(?:<[^>]*>)?)")]
    private static partial Regex TypeDeclaration();
}

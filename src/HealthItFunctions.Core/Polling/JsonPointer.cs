using System.Text.Json;

namespace HealthItFunctions.Core.Polling;

/// <summary>RFC 6901 JSON Pointers ("/data/0/TITLE"; "~1" is '/', "~0" is '~'; "" is the whole document).</summary>
public static class JsonPointer
{
    /// <summary>The element the pointer names, or null when any step is missing.</summary>
    public static JsonElement? Evaluate(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            switch (current.ValueKind)
            {
                case JsonValueKind.Object when current.TryGetProperty(token, out var child):
                    current = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength():
                    current = current[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>Null when the text is a valid pointer, else why it is not.</summary>
    public static string? Problem(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return $"'{pointer}' is not a JSON Pointer: it must be empty or start with '/' (RFC 6901), e.g. \"/data\"";
        }

        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 >= pointer.Length || pointer[i + 1] is not ('0' or '1')))
            {
                return $"'{pointer}' has a '~' not followed by 0 or 1 (write ~0 for '~', ~1 for '/')";
            }
        }

        return null;
    }
}

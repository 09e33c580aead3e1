using System.Text.Json;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// What is wrong with a JSON document, for the person who wrote it: System.Text.Json's own messages name .NET types
/// ("could not be converted to OrleansGenres…"), which mean nothing to a client and show the service's internals.
/// </summary>
public static class JsonErrors
{
    public static string Describe(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.LineNumber is null && error.Path is null)
        {
            return error.Message; // thrown by our own code with words of its own (e.g. "over 256 KiB")
        }

        var where = error.LineNumber is { } line
            ? $" (line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1})"
            : "";
        return error.Path is { Length: > 1 } path
            ? $"the value at {path} is not of the expected kind{where}"
            : $"not well-formed JSON, or not a JSON object{where}";
    }
}

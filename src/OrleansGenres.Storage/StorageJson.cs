using System.Text.Json;

namespace OrleansGenres.Storage;

/// <summary>The JSON settings documents are stored with unless a caller passes its own.</summary>
public static class StorageJson
{
    public const string ContentType = "application/json";

    /// <summary>camelCase web defaults; read-only so no caller can change them for everyone.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

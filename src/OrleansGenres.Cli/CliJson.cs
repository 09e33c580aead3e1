using System.Text.Json;

namespace OrleansGenres.Cli;

/// <summary>JSON as every verb writes it: camelCase, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGenres.Ml.Experiments;

/// <summary>The JSON dialect of configs, cards and reports: camelCase, enums as camelCase strings, comments allowed.</summary>
public static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
        // Configs and cards are files people read, not HTML: keep '+', quotes and non-ASCII as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>For documents this build only reads (model cards): unknown members from newer writers are skipped.</summary>
    public static JsonSerializerOptions Lenient { get; } = new(Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
}

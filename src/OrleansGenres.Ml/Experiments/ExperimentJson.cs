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
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>For documents this build only reads (model cards): unknown members from newer writers are skipped.</summary>
    public static JsonSerializerOptions Lenient { get; } = new(Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
}

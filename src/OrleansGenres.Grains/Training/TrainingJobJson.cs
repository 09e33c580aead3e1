using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// How job documents are stored: web defaults, enums as strings (a document people read through the API), and named
/// floating-point literals because a diverging run's loss may be NaN or infinite and must still be recorded.
/// </summary>
public static class TrainingJobJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

namespace OrleansGenres.Host.Configuration;

/// <summary>Configuration section <c>Models</c>: the model directory that is active (default: the shipped default model).</summary>
public sealed class ModelSettings
{
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "models", "default");

    public IEnumerable<string> Validate()
    {
        if (!File.Exists(System.IO.Path.Combine(Path, "model.json")))
        {
            yield return $"Models:Path '{Path}' holds no model.json";
        }
    }
}

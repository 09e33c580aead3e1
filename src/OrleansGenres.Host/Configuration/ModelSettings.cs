using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Configuration section <c>Models</c>: the default model (what a tenant uses until it activates a registered version,
/// and what is registered for it on first use), the local cache of downloaded versions, and the re-tag throttle.
/// </summary>
public sealed class ModelSettings
{
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "models", "default");

    /// <summary>Where registered versions are downloaded to (content-addressed, shared by processes on one machine).</summary>
    public string CachePath { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleans-genres-models");

    /// <summary>How old a tenant's view of its registry may get: another node's activation is seen within this.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Loaded models kept in memory.</summary>
    public int LoadedModels { get; set; } = 4;

    /// <summary>Tracks queued again per second after an activation.</summary>
    public double RetagPerSecond { get; set; } = 20;

    /// <summary>Re-tagging pauses while this many of the tenant's tracks are queued, so uploads keep flowing.</summary>
    public int RetagMaxQueued { get; set; } = 50;

    public RegistryModelProviderOptions ToProviderOptions() => new()
    {
        DefaultDirectory = System.IO.Path.GetFullPath(Path),
        CacheDirectory = System.IO.Path.GetFullPath(CachePath),
        RefreshInterval = RefreshInterval,
        MaxLoaded = LoadedModels,
    };

    public RetagOptions ToRetagOptions() => new() { PerSecond = RetagPerSecond, MaxQueued = RetagMaxQueued };

    public IEnumerable<string> Validate()
    {
        if (!File.Exists(System.IO.Path.Combine(Path, "model.json")))
        {
            yield return $"Models:Path '{Path}' holds no model.json";
        }

        if (string.IsNullOrWhiteSpace(CachePath))
        {
            yield return "Models:CachePath must name a folder";
        }

        if (RefreshInterval < TimeSpan.Zero || RefreshInterval > TimeSpan.FromMinutes(10))
        {
            yield return "Models:RefreshInterval must be between 0 and 10 minutes";
        }

        if (LoadedModels < 1)
        {
            yield return "Models:LoadedModels must be at least 1";
        }

        foreach (var problem in ToRetagOptions().Validate())
        {
            yield return problem;
        }
    }
}

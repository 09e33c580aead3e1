using OrleansGenres.Abstractions.Models;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>How <see cref="RegistryModelProvider"/> finds, caches and keeps models.</summary>
public sealed record RegistryModelProviderOptions
{
    /// <summary>The host's default model folder: registered for every tenant on first use, used until a tenant activates a version.</summary>
    public required string DefaultDirectory { get; init; }

    /// <summary>Local folder of downloaded versions, one sub-folder per card hash (shared safely by several processes).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>How old a tenant's view of its registry may get before it is checked again (an ETag read).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Loaded models kept in memory (least recently used beyond this are dropped).</summary>
    public int MaxLoaded { get; init; } = 4;

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;
}

using OrleansGenres.Storage;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>What every <see cref="ModelRegistry"/> needs: the object store (version files), the grain factory (the registry grain) and a clock.</summary>
public sealed record ModelRegistryServices(IObjectStore Objects, IGrainFactory Grains, TimeProvider Clock);

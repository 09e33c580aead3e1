using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Models;

/// <summary>What every <see cref="ModelRegistry"/> needs: the object store and a clock.</summary>
public sealed record ModelRegistryServices(IObjectStore Objects, TimeProvider Clock);

using OrleansGenres.Abstractions.Tenancy;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>Hands out <see cref="ModelRegistry"/> grains by tenant (what an Orleans grain factory would do).</summary>
public sealed class ModelRegistries(ModelRegistryServices services)
{
    public ModelRegistryServices Services { get; } = services;

    public ModelRegistry Get(TenantId tenant) => new(tenant, Services);
}

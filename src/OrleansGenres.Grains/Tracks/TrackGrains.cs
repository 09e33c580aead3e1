using OrleansGenres.Grains.Tenancy;

namespace OrleansGenres.Grains.Tracks;

/// <summary>Hands out <see cref="TrackGrain"/>s by identity (what an Orleans grain factory would do).</summary>
public sealed class TrackGrains(TrackGrainServices services)
{
    public TrackGrainServices Services { get; } = services;

    public TrackGrain Get(TenantId tenant, TrackId id) => new(tenant, id, Services);
}

using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Training;

/// <summary>Hands out <see cref="TrainingJobGrain"/>s by tenant and id, and lists a tenant's jobs.</summary>
public sealed class TrainingJobGrains(TrainingJobServices services)
{
    public TrainingJobServices Services { get; } = services;

    public TrainingJobGrain Get(TenantId tenant, TrainingJobId id) => new(tenant, id, Services);

    /// <summary>The tenant's jobs, newest first (one document read per job: tenants run tens of jobs, not millions).</summary>
    public async Task<IReadOnlyList<TrainingJobState>> ListAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var jobs = new List<TrainingJobState>();
        await foreach (var item in Services.Objects.ListAsync(TrainingJobKeys.JobPrefix(tenant), cancellationToken).ConfigureAwait(false))
        {
            if (TrainingJobKeys.JobOf(tenant, item.Key) is { } id && await Get(tenant, id).GetAsync(cancellationToken).ConfigureAwait(false) is { } job)
            {
                jobs.Add(job);
            }
        }

        return [.. jobs.OrderByDescending(job => job.CreatedAt)];
    }
}

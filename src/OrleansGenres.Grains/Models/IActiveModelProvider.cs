using OrleansGenres.Abstractions.Tenancy;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// The model a tenant's new analyses use. One version per tenant is active at a time; which one can change while the
/// service runs (another process may activate a version: providers notice within seconds).
/// </summary>
public interface IActiveModelProvider
{
    /// <summary>
    /// The tenant's active model, loaded. <paramref name="expectedVersion"/> (what a queued request names) makes a
    /// provider that holds another version re-check the registry now instead of at its next refresh.
    /// </summary>
    Task<ActiveModel> GetActiveAsync(TenantId tenant, string? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The tenant's active version without loading it, for stamping analysis requests.</summary>
    Task<string> GetActiveVersionAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>The host's default model: what tenants use until they activate a version of their own.</summary>
    Task<ActiveModel> GetDefaultAsync(CancellationToken cancellationToken = default);
}

namespace OrleansGenres.Grains.Models;

/// <summary>The model new analyses use. One version is active at a time; which one can change while the service runs.</summary>
public interface IActiveModelProvider
{
    /// <summary>The active model, loaded (the first call loads it).</summary>
    Task<ActiveModel> GetActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The active model's version without loading it, for stamping analysis requests.</summary>
    Task<string> GetActiveVersionAsync(CancellationToken cancellationToken = default);
}

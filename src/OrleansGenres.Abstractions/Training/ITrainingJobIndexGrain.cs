namespace OrleansGenres.Abstractions.Training;

/// <summary>
/// One tenant's training jobs (key: the tenant), so listing reads one grain and then each job, never the blob store.
/// Tenants run tens or hundreds of jobs, not millions: one grain per tenant holds them all.
/// </summary>
[Alias("genres.training-job-index")]
public interface ITrainingJobIndexGrain : IGrainWithStringKey
{
    [Alias("add")]
    Task AddAsync(string jobId, DateTimeOffset createdAt);

    [Alias("remove")]
    Task RemoveAsync(string jobId);

    /// <summary>The tenant's job ids, newest first.</summary>
    [Alias("list")]
    Task<string[]> ListAsync();
}

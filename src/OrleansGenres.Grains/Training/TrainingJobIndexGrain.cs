using OrleansGenres.Abstractions.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>A tenant's training-job ids with their creation times (see <see cref="ITrainingJobIndexGrain"/>), written after every change.</summary>
public sealed class TrainingJobIndexGrain(
    [PersistentState("jobs", GrainStorageNames.Training)] IPersistentState<TrainingJobIndexState> index) : Grain, ITrainingJobIndexGrain
{
    public async Task AddAsync(string jobId, DateTimeOffset createdAt)
    {
        if (!index.State.Jobs.ContainsKey(jobId))
        {
            index.State = new TrainingJobIndexState { Jobs = new Dictionary<string, DateTimeOffset>(index.State.Jobs) { [jobId] = createdAt } };
            await index.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string jobId)
    {
        if (index.State.Jobs.ContainsKey(jobId))
        {
            var jobs = new Dictionary<string, DateTimeOffset>(index.State.Jobs);
            jobs.Remove(jobId);
            index.State = new TrainingJobIndexState { Jobs = jobs };
            await index.WriteStateAsync();
        }
    }

    public Task<string[]> ListAsync() =>
        Task.FromResult(index.State.Jobs.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key).ToArray());
}

/// <summary>The index grain's state: job id → created at.</summary>
[GenerateSerializer, Alias("genres.training-job-index-state")]
public sealed record TrainingJobIndexState
{
    [Id(0)] public Dictionary<string, DateTimeOffset> Jobs { get; init; } = [];
}

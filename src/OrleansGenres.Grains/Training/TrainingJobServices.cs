using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>What every <see cref="TrainingJobGrain"/> needs: the object store, the jobs queue and a clock.</summary>
public sealed record TrainingJobServices(IObjectStore Objects, IWorkQueue Queue, TimeProvider Clock);

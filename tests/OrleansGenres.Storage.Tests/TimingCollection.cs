namespace OrleansGenres.Storage.Tests;

/// <summary>Tests that measure time: xunit runs this collection on its own, after everything that runs in parallel.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

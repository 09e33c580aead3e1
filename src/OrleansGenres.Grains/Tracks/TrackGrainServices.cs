using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Tracks;

/// <summary>What every <see cref="TrackGrain"/> needs: the object store, the analysis queue, a clock and telemetry.</summary>
public sealed record TrackGrainServices(IObjectStore Objects, IWorkQueue AnalyzeQueue, TimeProvider Clock, GenresTelemetry Telemetry);

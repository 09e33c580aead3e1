using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansGenres.Grains.Telemetry;

/// <summary>
/// The service's own activity source and meter (names are what the host subscribes OpenTelemetry to). Created per host
/// through <see cref="IMeterFactory"/>, so tests running several hosts in one process keep their figures apart.
/// </summary>
public sealed class GenresTelemetry : IDisposable
{
    public const string SourceName = "OrleansGenres";

    private readonly Meter _meter;

    public GenresTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(SourceName);
        TracksUploaded = _meter.CreateCounter<long>("genres.tracks.uploaded", "{track}", "Tracks accepted by the API (new ones, not retries)");
        TracksAnalysed = _meter.CreateCounter<long>("genres.tracks.analysed", "{track}", "Tracks whose analysis completed or failed, by outcome");
        AnalysisDuration = _meter.CreateHistogram<double>("genres.analysis.duration", "s", "Decode + mel + inference + writes of one track");
        RealtimeFactor = _meter.CreateHistogram<double>("genres.analysis.realtime_factor", "1", "Audio seconds analysed per second of analysis");
        InferenceBatchWindows = _meter.CreateHistogram<long>("genres.inference.batch_windows", "{window}", "Windows per inference batch (across tracks)");
        TrainingJobsEnded = _meter.CreateCounter<long>("genres.training.jobs", "{job}", "Training jobs a trainer ended, by outcome (succeeded, failed, cancelled)");
        TrainingEpochDuration = _meter.CreateHistogram<double>("genres.training.epoch.duration", "s", "One training epoch with its validation pass and checkpoint");
    }

    /// <summary>Spans: API upload → track grain → analysis worker (the worker continues the upload's trace); one span per training job start.</summary>
    public ActivitySource Source { get; } = new(SourceName);

    public Counter<long> TracksUploaded { get; }

    public Counter<long> TracksAnalysed { get; }

    public Histogram<double> AnalysisDuration { get; }

    public Histogram<double> RealtimeFactor { get; }

    public Histogram<long> InferenceBatchWindows { get; }

    public Counter<long> TrainingJobsEnded { get; }

    public Histogram<double> TrainingEpochDuration { get; }

    /// <summary>Registers the gauge of analyses accepted by this silo and not started yet (what an autoscaler would watch).</summary>
    public void ObserveAnalysisWaiting(Func<int> waiting) =>
        _meter.CreateObservableGauge("genres.analysis.waiting", waiting, "{track}", "Analyses accepted by this silo and waiting to start");

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}

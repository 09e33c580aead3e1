using OrleansGenres.Audio.Decoding;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Tracks;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Configuration section <c>Analysis</c>: how analysis silos work (<see cref="AnalysisWorkerOptions"/>) and how track
/// grains retry and watch their analyses (<see cref="TrackLifecycleOptions"/>); see those for each setting's meaning.
/// </summary>
public sealed class AnalysisSettings
{
    public string? WorkerId { get; set; }

    public int Concurrency { get; set; } = 4;

    public int MaxWaiting { get; set; } = 10_000;

    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    public double SilenceFloorDbfs { get; set; } = -60;

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary><c>InProcess</c> (libav inside the worker, default) or <c>FfmpegProcess</c> (an ffmpeg child per track).</summary>
    public DecoderKind Decoder { get; set; } = DecoderKind.InProcess;

    public AnalysisWorkerOptions ToWorkerOptions()
    {
        var defaults = new AnalysisWorkerOptions();
        return defaults with
        {
            WorkerId = string.IsNullOrWhiteSpace(WorkerId) ? defaults.WorkerId : WorkerId,
            Concurrency = Concurrency,
            MaxWaiting = MaxWaiting,
            MaxDuration = MaxDuration,
            SilenceFloorDbfs = SilenceFloorDbfs,
        };
    }

    public TrackLifecycleOptions ToLifecycleOptions() => new()
    {
        MaxAttempts = MaxAttempts,
        RetryDelay = RetryDelay,
        BusyRetryDelay = BusyRetryDelay,
        ReminderPeriod = ReminderPeriod,
        AttemptTimeout = AttemptTimeout,
    };

    public IEnumerable<string> Validate() => [.. ToWorkerOptions().Validate(), .. ToLifecycleOptions().Validate()];
}

using OrleansGenres.Audio.Decoding;
using OrleansGenres.Grains.Analysis;

namespace OrleansGenres.Host.Configuration;

/// <summary>Configuration section <c>Analysis</c> (see <see cref="AnalysisWorkerOptions"/> for the meaning of each).</summary>
public sealed class AnalysisSettings
{
    public string? WorkerId { get; set; }

    public int Concurrency { get; set; } = 4;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>InProcess</c> (libav inside the worker, default) or <c>FfmpegProcess</c> (an ffmpeg child per track).</summary>
    public DecoderKind Decoder { get; set; } = DecoderKind.InProcess;

    public AnalysisWorkerOptions ToWorkerOptions()
    {
        var defaults = new AnalysisWorkerOptions();
        return defaults with
        {
            WorkerId = string.IsNullOrWhiteSpace(WorkerId) ? defaults.WorkerId : WorkerId,
            Concurrency = Concurrency,
            VisibilityTimeout = VisibilityTimeout,
            MaxAttempts = MaxAttempts,
            RetryDelay = RetryDelay,
            MaxPollInterval = MaxPollInterval,
        };
    }
}

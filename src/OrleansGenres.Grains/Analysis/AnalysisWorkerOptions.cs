namespace OrleansGenres.Grains.Analysis;

/// <summary>How an analysis silo runs its work (configuration section <c>Analysis</c>).</summary>
public sealed record AnalysisWorkerOptions
{
    /// <summary>Names this worker in track histories (default: host name + process id).</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Tracks analysed at once; their windows share inference batches.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// Analyses a silo accepts beyond those running (a few hundred bytes each: ids, never audio). Past it offers are
    /// refused as busy and the track grains offer again later, so a burst never piles unbounded work on a silo.
    /// </summary>
    public int MaxWaiting { get; init; } = 10_000;

    /// <summary>
    /// Longest audio analysed; longer tracks end Failed (<c>TooLong</c>). Uploads are limited in bytes, but a few MB of
    /// FLAC can hold hours of silence.
    /// </summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Windows quieter than this (RMS, dBFS) are silent: marked in the timeline, left out of the track's tags.</summary>
    public double SilenceFloorDbfs { get; init; } = -60;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            errors.Add("Analysis:WorkerId must not be empty");
        }

        if (Concurrency is < 1 or > 32)
        {
            errors.Add("Analysis:Concurrency must be 1-32");
        }

        if (MaxDuration < TimeSpan.FromSeconds(1) || MaxDuration > TimeSpan.FromDays(1))
        {
            errors.Add("Analysis:MaxDuration must be between 1 s and 1 day");
        }

        if (SilenceFloorDbfs is < -120 or > 0)
        {
            errors.Add("Analysis:SilenceFloorDbfs must be between -120 and 0");
        }

        if (MaxWaiting is < 1 or > 1_000_000)
        {
            errors.Add("Analysis:MaxWaiting must be 1-1000000");
        }

        return errors;
    }
}

namespace OrleansGenres.Abstractions.Tracks;

/// <summary>
/// One track's lifecycle (key: <see cref="TrackKey"/>): Queued → Analyzing → Completed | Failed. The grain persists its
/// state after every change, hands the analysis to an analysis worker, and a reminder re-dispatches it while the track
/// waits or while the silo that took it is gone. Workers call back naming their attempt; a stale attempt is refused, so a
/// track never gets two results for one analysis.
/// </summary>
[Alias("genres.track")]
public interface ITrackGrain : IGrainWithStringKey
{
    /// <summary>The track, or null when it does not exist.</summary>
    [Alias("get")]
    Task<TrackState?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an upload whose original is already in the blob store and queues its analysis with
    /// <paramref name="modelVersion"/>. The same bytes again return the existing track (<see cref="UploadOutcome.Created"/> false).
    /// </summary>
    [Alias("upload")]
    Task<UploadOutcome> AcceptUploadAsync(TrackUploadInfo upload, string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the track again for <paramref name="modelVersion"/>; null when it does not exist. Left as it is: a track
    /// being analysed now, and one already analysed with this version.
    /// </summary>
    [Alias("reanalyze")]
    Task<TrackState?> ReanalyzeAsync(string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes the track, its original and its timeline; false when it did not exist.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>A worker begins <paramref name="attempt"/>; false when that attempt is no longer wanted (skip it).</summary>
    [Alias("analysis-started")]
    Task<bool> AnalysisStartedAsync(Guid attempt, string worker);

    /// <summary>The worker's result (its timeline already stored); false when the attempt was superseded (its result is discarded).</summary>
    [Alias("analysis-completed")]
    Task<bool> AnalysisCompletedAsync(Guid attempt, TrackAnalysis analysis);

    /// <summary>
    /// The attempt failed: for good (<paramref name="retry"/> false: the input cannot be analysed), or transiently (retried
    /// after a growing delay until the poison limit). <paramref name="countAttempt"/> false when the worker merely stopped.
    /// </summary>
    [Alias("analysis-failed")]
    Task AnalysisFailedAsync(Guid attempt, TrackFailure failure, bool retry, bool countAttempt = true);
}

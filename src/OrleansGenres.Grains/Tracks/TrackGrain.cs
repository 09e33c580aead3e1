using System.Text.Json;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Tenancy;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// Owns one track's lifecycle (identity = tenant + track id, state = one document). Every change is a conditional
/// write on the state's ETag: a writer that lost a race re-reads and decides again, so concurrent workers and API calls
/// never overwrite each other and a track is never analysed twice for the same model version.
/// </summary>
public sealed class TrackGrain(TenantId tenant, TrackId id, TrackGrainServices services)
{
    private const int MaxWriteAttempts = 20;

    public TenantId Tenant { get; } = tenant;

    public TrackId Id { get; } = id;

    private string StateKey => TrackKeys.State(Tenant, Id);

    public async Task<TrackState?> GetAsync(CancellationToken cancellationToken = default) =>
        (await services.Objects.GetJsonAsync<TrackState>(StateKey, ct: cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<TrackWindows?> GetWindowsAsync(CancellationToken cancellationToken = default) =>
        (await services.Objects.GetJsonAsync<TrackWindows>(TrackKeys.Windows(Tenant, Id), ct: cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>
    /// Stores the original (create-only: the id is derived from its bytes), creates the state as Queued and queues the
    /// analysis. Uploading the same bytes again returns the existing track; if that track is still Queued its request
    /// is sent again, which is harmless (workers skip duplicates) and heals a crash between "state written" and
    /// "message sent".
    /// </summary>
    public async Task<UploadOutcome> UploadAsync(TrackUpload upload, string modelVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            await services.Objects.PutAsync(TrackKeys.Audio(Tenant, Id), upload.Content, new PutOptions
            {
                IfNoneMatch = true,
                ContentType = PutOptions.DefaultContentType,
                Metadata = new Dictionary<string, string> { ["sha256"] = upload.ContentSha256 },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            // Already stored by an earlier attempt: same id, same bytes.
        }

        var now = services.Clock.GetUtcNow();
        var state = new TrackState
        {
            Tenant = Tenant.Value,
            TrackId = Id.Value,
            Status = TrackStatus.Queued,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            SizeBytes = upload.Length,
            ContentSha256 = upload.ContentSha256,
            UploadedAt = now,
            UpdatedAt = now,
            QueuedAt = now,
            RequestedModelVersion = modelVersion,
        };
        try
        {
            await WriteAsync(state, new PutOptions { IfNoneMatch = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            var existing = await GetAsync(cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw; // deleted between the two calls: let the client retry
            }

            if (existing.Status == TrackStatus.Queued)
            {
                await QueueAnalysisAsync(existing.RequestedModelVersion ?? modelVersion, cancellationToken).ConfigureAwait(false);
            }

            return new UploadOutcome(existing, Created: false);
        }

        await QueueAnalysisAsync(modelVersion, cancellationToken).ConfigureAwait(false);
        services.Telemetry.TracksUploaded.Add(1);
        return new UploadOutcome(state, Created: true);
    }

    /// <summary>
    /// Queues the track again for <paramref name="modelVersion"/> (a newer model, or another try after a failure). Null
    /// when the track does not exist. Left alone, and returned as it is: a track being analysed right now
    /// (<see cref="TrackStatus.Analyzing"/>: its worker's result stands) and one already analysed with this version
    /// (the same model on the same bytes gives the same tags).
    /// </summary>
    public async Task<TrackState?> ReanalyzeAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        var now = services.Clock.GetUtcNow();
        var changed = await MutateAsync(state =>
            (state.Status == TrackStatus.Analyzing && state.Claim?.Until > now)
            || (state.Status == TrackStatus.Completed && state.Analysis?.ModelVersion == modelVersion) ? null : state with
        {
            Status = TrackStatus.Queued,
            QueuedAt = now,
            RequestedModelVersion = modelVersion,
            Attempts = 0,
            Claim = null,
            Failure = null,
        }, cancellationToken).ConfigureAwait(false);
        if (changed is { Status: TrackStatus.Queued })
        {
            await QueueAnalysisAsync(modelVersion, cancellationToken).ConfigureAwait(false);
        }

        return changed ?? await GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the track: the state first (so it vanishes at once for readers and workers), then its data.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var existed = await services.Objects.DeleteAsync(StateKey, ct: cancellationToken).ConfigureAwait(false);
        await services.Objects.DeleteAsync(TrackKeys.Windows(Tenant, Id), ct: cancellationToken).ConfigureAwait(false);
        await services.Objects.DeleteAsync(TrackKeys.Audio(Tenant, Id), ct: cancellationToken).ConfigureAwait(false);
        return existed;
    }

    /// <summary>
    /// A worker asks to analyse the track with <paramref name="modelVersion"/> (see <see cref="ClaimOutcome"/>). After
    /// <paramref name="maxAttempts"/> claims that never completed the track is out of attempts.
    /// </summary>
    public async Task<ClaimResult> TryClaimAsync(string worker, string modelVersion, TimeSpan claimFor, int maxAttempts, CancellationToken cancellationToken = default)
    {
        var result = new ClaimResult(ClaimOutcome.Missing);
        await MutateAsync(state =>
        {
            var now = services.Clock.GetUtcNow();
            if (state.Status == TrackStatus.Failed || (state.Status == TrackStatus.Completed && state.Analysis?.ModelVersion == modelVersion))
            {
                result = new ClaimResult(ClaimOutcome.AlreadyDone, Attempts: state.Attempts);
                return null;
            }

            if (state.Status == TrackStatus.Analyzing && state.Claim is { } claim && claim.Until > now && claim.Worker != worker)
            {
                result = new ClaimResult(ClaimOutcome.ClaimedElsewhere, claim.Until, state.Attempts);
                return null;
            }

            if (state.Attempts >= maxAttempts)
            {
                result = new ClaimResult(ClaimOutcome.OutOfAttempts, Attempts: state.Attempts);
                return null;
            }

            result = new ClaimResult(ClaimOutcome.Claimed, now + claimFor, state.Attempts + 1);
            return state with
            {
                Status = TrackStatus.Analyzing,
                Claim = new AnalysisClaim(worker, modelVersion, now + claimFor),
                Attempts = state.Attempts + 1,
            };
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Keeps a live claim alive; false when the worker no longer holds it (the track was deleted or taken over).</summary>
    public async Task<bool> ExtendClaimAsync(string worker, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        var extended = await MutateAsync(state => state is { Status: TrackStatus.Analyzing, Claim: { } claim } && claim.Worker == worker
            ? state with { Claim = claim with { Until = services.Clock.GetUtcNow() + claimFor } }
            : null, cancellationToken).ConfigureAwait(false);
        return extended is not null;
    }

    /// <summary>
    /// Stores the timeline and marks the track Completed, if this worker still holds the claim (false otherwise: someone
    /// else took over after this worker's claim lapsed, and their result will stand).
    /// </summary>
    public async Task<bool> CompleteAsync(string worker, TrackAnalysis analysis, TrackWindows windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var current = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Claim?.Worker != worker)
        {
            return false;
        }

        await services.Objects.PutJsonAsync(TrackKeys.Windows(Tenant, Id), windows, ct: cancellationToken).ConfigureAwait(false);
        var completed = await MutateAsync(state => state.Claim?.Worker != worker ? null : state with
        {
            Status = TrackStatus.Completed,
            Claim = null,
            Failure = null,
            Analysis = analysis,
            History = [.. state.History, new AnalysisRecord(analysis.ModelVersion, worker, analysis.StartedAt, analysis.CompletedAt)],
        }, cancellationToken).ConfigureAwait(false);
        return completed is not null;
    }

    /// <summary>Marks the track Failed with a reason a person can read (bad input, or too many failed attempts).</summary>
    public Task<TrackState?> FailAsync(string kind, string message, CancellationToken cancellationToken = default) =>
        MutateAsync(state => state with
        {
            Status = TrackStatus.Failed,
            Claim = null,
            Failure = new TrackFailure(kind, message, services.Clock.GetUtcNow()),
        }, cancellationToken);

    /// <summary>
    /// The claim is given up and the track shows Queued again until the retry: after a transient fault (the attempt
    /// counts), or because the worker is stopping (<paramref name="countAttempt"/> false: a deployment is not a failure).
    /// </summary>
    public Task<TrackState?> ReleaseClaimAsync(string worker, bool countAttempt = true, CancellationToken cancellationToken = default) =>
        MutateAsync(state => state.Claim?.Worker != worker ? null : state with
        {
            Status = TrackStatus.Queued,
            Claim = null,
            Attempts = countAttempt ? state.Attempts : Math.Max(0, state.Attempts - 1),
        }, cancellationToken);

    private async Task QueueAnalysisAsync(string modelVersion, CancellationToken cancellationToken)
    {
        var trace = System.Diagnostics.Activity.Current;
        var message = new AnalyzeTrackMessage(Tenant.Value, Id.Value, modelVersion, trace?.Id, trace?.TraceStateString);
        await services.AnalyzeQueue.SendAsync(JsonSerializer.Serialize(message, StorageJson.Options), ct: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Read, change, write on the ETag; on a lost race, read and decide again (<see cref="ObjectStoreJsonExtensions.MutateJsonAsync"/>).
    /// <paramref name="change"/> returns null for "leave it as it is". Returns the written state, or null when the
    /// track is missing or unchanged.
    /// </summary>
    private async Task<TrackState?> MutateAsync(Func<TrackState, TrackState?> change, CancellationToken cancellationToken)
    {
        var (state, written) = await services.Objects.MutateJsonAsync<TrackState>(
            StateKey,
            current => change(current) is { } next ? next with { UpdatedAt = services.Clock.GetUtcNow() } : null,
            next => new PutOptions { Metadata = TrackListing.MetadataOf(next) },
            maxAttempts: MaxWriteAttempts,
            ct: cancellationToken).ConfigureAwait(false);
        return written ? state : null;
    }

    /// <summary>Writes the state with list-friendly metadata (status, assigned tags, upload time) for the catalogue.</summary>
    private Task<ObjectProperties> WriteAsync(TrackState state, PutOptions conditions, CancellationToken cancellationToken) =>
        services.Objects.PutJsonAsync(StateKey, state, conditions with { Metadata = TrackListing.MetadataOf(state) }, ct: cancellationToken);
}

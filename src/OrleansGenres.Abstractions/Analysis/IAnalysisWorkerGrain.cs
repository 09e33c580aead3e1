namespace OrleansGenres.Abstractions.Analysis;

/// <summary>
/// The entry to a silo's analysis pipeline: a stateless worker that exists only on silos with the <c>analysis</c> role.
/// Admission is bounded: an offer is accepted into the silo's waiting list or refused at once as busy (the track grain
/// retries later), so a burst of uploads never piles unbounded work on a silo nor holds a grain call open. Results come
/// back as calls to the track grain.
/// </summary>
[Alias("genres.analysis-worker")]
public interface IAnalysisWorkerGrain : IGrainWithIntegerKey
{
    [Alias("offer")]
    Task<AnalysisAdmission> OfferAsync(AnalysisRequest request);
}

/// <summary>
/// Analyse one track (its original is in the blob store) as <see cref="Attempt"/>, continuing the upload's trace.
/// <see cref="FileName"/> is the upload's name, what error messages call the file (never a server path).
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.analysis-request")]
public sealed record AnalysisRequest(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string TrackId,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] Guid Attempt,
    [property: Id(4)] string? TraceParent = null,
    [property: Id(5)] string? TraceState = null,
    [property: Id(6)] string? FileName = null);

/// <summary>Whether the offer was taken, by which silo (its parsable address), and how many analyses wait there now.</summary>
[GenerateSerializer, Immutable, Alias("genres.analysis-admission")]
public sealed record AnalysisAdmission([property: Id(0)] bool Accepted, [property: Id(1)] string Silo, [property: Id(2)] int Waiting);

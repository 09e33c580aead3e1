namespace OrleansGenres.Abstractions.Training;

/// <summary>
/// The door to one training silo's trainer (key: the silo's parsable address; the grain is placed on that silo and
/// exists only on silos with the <c>training</c> role). A training run uses every core, so a trainer takes one job at a
/// time: an offer is accepted or refused at once, never held in a grain call.
/// </summary>
[Alias("genres.trainer")]
public interface ITrainerGrain : IGrainWithStringKey
{
    [Alias("offer")]
    Task<TrainerAdmission> OfferAsync(TrainingRequest request);

    /// <summary>Whether this trainer holds <paramref name="attempt"/> (accepted and not yet ended).</summary>
    [Alias("holds")]
    Task<bool> HoldsAsync(Guid attempt);
}

/// <summary>Run the job as <see cref="Attempt"/>, continuing the submitter's trace.</summary>
[GenerateSerializer, Immutable, Alias("genres.training-request")]
public sealed record TrainingRequest(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string JobId,
    [property: Id(2)] Guid Attempt,
    [property: Id(3)] string? TraceParent = null,
    [property: Id(4)] string? TraceState = null);

/// <summary>Whether the offer was taken, and by which silo (its parsable address).</summary>
[GenerateSerializer, Immutable, Alias("genres.trainer-admission")]
public sealed record TrainerAdmission([property: Id(0)] bool Accepted, [property: Id(1)] string Silo);

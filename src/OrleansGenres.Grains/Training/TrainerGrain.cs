using Orleans.Placement;
using Orleans.Runtime;
using OrleansGenres.Abstractions.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// The door to this silo's <see cref="TrainerScheduler"/>: takes the offered job if the trainer is idle, or says busy, at
/// once. Only silos with the <c>training</c> role register this class. Random placement honours the placement hint the
/// job grain sets, so the activation keyed by a silo's address lives on that silo; an offer that reached another silo
/// anyway (the named one was not a training silo) is refused.
/// </summary>
[RandomPlacement]
public sealed class TrainerGrain(TrainerScheduler scheduler, ILocalSiloDetails silo) : Grain, ITrainerGrain
{
    private string Here => silo.SiloAddress.ToParsableString();

    public Task<TrainerAdmission> OfferAsync(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = this.GetPrimaryKeyString() == Here && scheduler.TryAccept(request);
        return Task.FromResult(new TrainerAdmission(accepted, Here));
    }

    public Task<bool> HoldsAsync(Guid attempt) => Task.FromResult(this.GetPrimaryKeyString() == Here && scheduler.Holds(attempt));
}

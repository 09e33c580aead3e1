using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansGenres.Abstractions.Analysis;

namespace OrleansGenres.Grains.Analysis;

/// <summary>
/// The door to this silo's <see cref="AnalysisScheduler"/>: takes an offer into its bounded waiting list or says busy,
/// at once (nothing waits in the grain's turn). Only silos with the <c>analysis</c> role register this class, so
/// Orleans places it there and nowhere else.
/// </summary>
[StatelessWorker]
public sealed class AnalysisWorkerGrain(AnalysisScheduler scheduler, ILocalSiloDetails silo) : Grain, IAnalysisWorkerGrain
{
    public Task<AnalysisAdmission> OfferAsync(AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = scheduler.TryAccept(request);
        return Task.FromResult(new AnalysisAdmission(accepted, silo.SiloAddress.ToParsableString(), scheduler.Waiting));
    }
}

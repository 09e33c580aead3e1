using OrleansGenres.Abstractions.Analysis;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Host.Tests.Support;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>Analysis workers activate only on silos with the <c>analysis</c> role; tracks on any silo use them.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task Analysis_workers_run_only_on_the_silo_with_the_role()
    {
        await using var cluster = await GrainTestCluster.StartAsync(silos: 2, analysisOn: silo => silo == 1);
        var analysisSilo = cluster.Cluster.Silos.Single(s => GrainTestCluster.SiloIndex(s.Name) == 1).SiloAddress.ToParsableString();

        // Offers from the client land on a worker of the analysis silo, whichever key is used.
        for (var i = 0; i < 30; i++)
        {
            var admission = await cluster.Grains.GetGrain<IAnalysisWorkerGrain>(i).OfferAsync(new AnalysisRequest("acme", "not-a-track", "v", Guid.NewGuid()));
            Assert.Equal(analysisSilo, admission.Silo);
        }

        // Tracks whose grains live on either silo are analysed by silo 1's worker.
        var tenant = new TenantId("acme");
        for (var i = 0; i < 6; i++)
        {
            var (_, grain) = await TrackUploads.UploadAsync(cluster, tenant, TestAudio.ToneWav(200 + (50 * i), 2));
            var done = await TrackUploads.WaitUntilSettledAsync(grain);
            Assert.Equal(TrackStatus.Completed, done.Status);
            Assert.Equal("silo-1", Assert.Single(done.History).Worker);
        }
    }
}

using System.Security.Cryptography;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Uploads as the API makes them, straight to the grains: the original into the blob store, then the track grain.</summary>
public static class TrackUploads
{
    public static async Task<(TrackId Id, ITrackGrain Grain)> UploadAsync(GrainTestCluster cluster, TenantId tenant, byte[] bytes, string version = "default@000000000000")
    {
        var sha = Sha256(bytes);
        var id = TrackId.FromContent(tenant, sha);
        using (var content = new MemoryStream(bytes))
        {
            await cluster.Objects.PutAsync(TrackKeys.Audio(tenant, id), content);
        }

        var grain = cluster.Grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id));
        var outcome = await grain.AcceptUploadAsync(new TrackUploadInfo("tone.wav", "audio/wav", bytes.Length, sha), version);
        Assert.True(outcome.Created);
        Assert.Equal(TrackStatus.Queued, outcome.State.Status);
        return (id, grain);
    }

    public static Task<TrackState> WaitUntilSettledAsync(ITrackGrain grain, TimeSpan? timeout = null) =>
        GrainTestCluster.WaitForAsync(async () => (await grain.GetAsync())!, s => s.Status is TrackStatus.Completed or TrackStatus.Failed, timeout ?? TimeSpan.FromSeconds(60));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

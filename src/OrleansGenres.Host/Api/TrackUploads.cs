using System.Diagnostics;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Api;

/// <summary>
/// Accepts a spooled upload for a tenant, as the API and the web UI both do: the original is stored first (create-only:
/// the id derives from its bytes), then the track grain records the track and queues it with the active model.
/// </summary>
public sealed class TrackUploads(IGrainFactory grains, IObjectStore objects, IActiveModelProvider models, GenresTelemetry telemetry)
{
    public async Task<UploadOutcome> AcceptAsync(TenantId tenant, SpooledUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var activity = telemetry.Source.StartActivity("upload track", ActivityKind.Internal);
        var id = TrackId.FromContent(tenant, upload.Sha256);
        activity?.SetTag("genres.tenant", tenant.Value);
        activity?.SetTag("genres.track", id.Value);
        var version = await models.GetActiveVersionAsync(tenant, cancellationToken);
        await StoreOriginalAsync(TrackKeys.Audio(tenant, id), upload, cancellationToken);
        return await grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id)).AcceptUploadAsync(
            new TrackUploadInfo(upload.FileName, upload.ContentType, upload.Length, upload.Sha256), version, cancellationToken);
    }

    private async Task StoreOriginalAsync(string key, SpooledUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            upload.File.Position = 0;
            await objects.PutAsync(key, upload.File, new PutOptions
            {
                IfNoneMatch = true,
                ContentType = PutOptions.DefaultContentType,
                Metadata = new Dictionary<string, string> { ["sha256"] = upload.Sha256 },
            }, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            // Stored by an earlier attempt: same id, same bytes.
        }
    }
}

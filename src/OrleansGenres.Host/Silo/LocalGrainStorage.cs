using Orleans.Runtime;
using Orleans.Storage;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Silo;

/// <summary>
/// Grain state on the embedded silo: one object per grain in the Local object store
/// (<c>grains/{provider}/{state}/{grain id}</c>), written with the store's ETag conditions, so a lost race or a stale
/// activation fails with <see cref="InconsistentStateException"/> as Orleans' own providers do. Orleans ships no file
/// provider; this is the smallest one over the store the service already has.
/// </summary>
public sealed class LocalGrainStorage(string name, IObjectStore objects, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var stored = await objects.GetAsync(KeyOf(stateName, grainId)).ConfigureAwait(false);
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        await using (stored.ConfigureAwait(false))
        {
            grainState.State = serializer.Deserialize<T>(await BinaryData.FromStreamAsync(stored.Content).ConfigureAwait(false));
            grainState.ETag = stored.Properties.ETag.Value;
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = KeyOf(stateName, grainId);
        var conditions = grainState.ETag is { } etag ? new PutOptions { IfMatch = new ETag(etag) } : new PutOptions { IfNoneMatch = true };
        try
        {
            using var content = serializer.Serialize(grainState.State).ToStream();
            var written = await objects.PutAsync(key, content, conditions).ConfigureAwait(false);
            grainState.ETag = written.ETag.Value;
            grainState.RecordExists = true;
        }
        catch (PreconditionFailedException e)
        {
            throw new InconsistentStateException($"The state of {grainId} in '{name}' changed under this activation.", e);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            if (grainState.ETag is { } etag)
            {
                await objects.DeleteAsync(KeyOf(stateName, grainId), new ETag(etag)).ConfigureAwait(false);
            }
        }
        catch (PreconditionFailedException e)
        {
            throw new InconsistentStateException($"The state of {grainId} in '{name}' changed under this activation.", e);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private string KeyOf(string stateName, GrainId grainId) =>
        $"grains/{name}/{ObjectKeySegments.Encode(stateName)}/{ObjectKeySegments.Encode(grainId.Type.ToString()!)}/{ObjectKeySegments.Encode(grainId.Key.ToString()!)}";
}

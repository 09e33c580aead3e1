using System.Text.Json;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Ml.Training;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// A job's last checkpoint in the object store, mirrored from and to the training loop's checkpoint folder. Upload
/// order makes the stored copy always complete: the files <see cref="TrainingState"/> names first, the state last,
/// then the files it no longer names are deleted. A download reads the state first and fetches exactly its files.
/// </summary>
public sealed class CheckpointStore(IObjectStore objects, TenantId tenant, TrainingJobId job)
{
    private readonly HashSet<string> _uploaded = new(StringComparer.Ordinal);

    /// <summary>Copies the checkpoint in <paramref name="directory"/> to the store; returns the files it is made of.</summary>
    public async Task<IReadOnlyList<string>> UploadAsync(string directory, TrainingState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        string[] named = [.. new[] { state.CheckpointFile, state.BestWeightsFile }.OfType<string>().Distinct(StringComparer.Ordinal)];
        foreach (var file in named.Where(file => !_uploaded.Contains(file)))
        {
            await PutFileAsync(directory, file, cancellationToken).ConfigureAwait(false);
            _uploaded.Add(file);
        }

        await PutFileAsync(directory, TrainingState.FileName, cancellationToken).ConfigureAwait(false);
        string[] files = [.. named, TrainingState.FileName];
        await foreach (var stale in objects.ListAsync(TrainingJobKeys.CheckpointPrefix(tenant, job), cancellationToken).ConfigureAwait(false))
        {
            var name = stale.Key[TrainingJobKeys.CheckpointPrefix(tenant, job).Length..];
            if (!files.Contains(name, StringComparer.Ordinal))
            {
                await objects.DeleteAsync(stale.Key, ct: cancellationToken).ConfigureAwait(false);
                _uploaded.Remove(name);
            }
        }

        return files;
    }

    /// <summary>
    /// Writes the stored checkpoint into <paramref name="directory"/> (files first, state last). Null when the job has
    /// none yet; otherwise the state it resumes from.
    /// </summary>
    public async Task<TrainingState?> DownloadAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var stateBytes = await objects.GetBytesAsync(TrainingJobKeys.Checkpoint(tenant, job, TrainingState.FileName), cancellationToken).ConfigureAwait(false);
        if (stateBytes is null)
        {
            return null;
        }

        TrainingState state;
        try
        {
            state = TrainingState.Parse(stateBytes.Value);
        }
        catch (JsonException e)
        {
            throw new StorageException($"Job {job}'s stored checkpoint state is not readable: {e.Message}");
        }

        foreach (var file in new[] { state.CheckpointFile, state.BestWeightsFile }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var stored = await objects.GetAsync(TrainingJobKeys.Checkpoint(tenant, job, file), cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException($"Job {job}'s checkpoint names {file}, which is missing from the store.");
            await using (stored.ConfigureAwait(false))
            {
                var output = new FileStream(Path.Combine(directory, file), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await using (output.ConfigureAwait(false))
                {
                    await stored.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }

            _uploaded.Add(file);
        }

        // Written last, like the training loop does: the folder is a complete checkpoint once the state is there.
        await File.WriteAllBytesAsync(Path.Combine(directory, TrainingState.FileName), stateBytes.Value, cancellationToken).ConfigureAwait(false);
        return state;
    }

    private async Task PutFileAsync(string directory, string file, CancellationToken cancellationToken)
    {
        var content = new FileStream(Path.Combine(directory, file), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (content.ConfigureAwait(false))
        {
            await objects.PutAsync(TrainingJobKeys.Checkpoint(tenant, job, file), content, new PutOptions { ContentType = "application/octet-stream" }, cancellationToken).ConfigureAwait(false);
        }
    }
}

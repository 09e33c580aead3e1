using System.Text.RegularExpressions;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// Where a job's last checkpoint lives in the blob store (<c>training/{tenant}/checkpoints/{id}/{file}</c>; the job itself
/// is grain state). Built only from a validated tenant and job id; file names must match the names the training loop writes.
/// </summary>
public static partial class TrainingJobKeys
{
    public static string CheckpointPrefix(TenantId tenant, TrainingJobId job) => $"training/{tenant.Value}/checkpoints/{job.Value}/";

    public static string Checkpoint(TenantId tenant, TrainingJobId job, string file)
    {
        if (!IsCheckpointFile(file))
        {
            throw new ArgumentException($"'{file}' is not a checkpoint file.", nameof(file));
        }

        return CheckpointPrefix(tenant, job) + file;
    }

    /// <summary>training-state.json, epoch-NNNN.ckpt and best-epoch-NNNN.pt: what <c>TrainingLoop</c> writes.</summary>
    public static bool IsCheckpointFile(string? file) => file is not null && CheckpointFile().IsMatch(file);

    [GeneratedRegex(@"^(training-state\.json|epoch-[0-9]{4,6}\.ckpt|best-epoch-[0-9]{4,6}\.pt)$")]
    private static partial Regex CheckpointFile();
}

using System.Text.RegularExpressions;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// Where a tenant's training jobs live: one document per job (<c>training/{tenant}/jobs/{id}.json</c>), the job's last
/// checkpoint apart from it (<c>training/{tenant}/checkpoints/{id}/{file}</c>, so listing jobs never lists
/// checkpoints) and the lease a trainer holds while it runs the job. Built only from a validated tenant and job id;
/// checkpoint file names must match the names the training loop writes.
/// </summary>
public static partial class TrainingJobKeys
{
    public static string JobPrefix(TenantId tenant) => $"training/{tenant.Value}/jobs/";

    public static string Job(TenantId tenant, TrainingJobId job) => $"{JobPrefix(tenant)}{job.Value}.json";

    public static string CheckpointPrefix(TenantId tenant, TrainingJobId job) => $"training/{tenant.Value}/checkpoints/{job.Value}/";

    public static string Checkpoint(TenantId tenant, TrainingJobId job, string file)
    {
        if (!IsCheckpointFile(file))
        {
            throw new ArgumentException($"'{file}' is not a checkpoint file.", nameof(file));
        }

        return CheckpointPrefix(tenant, job) + file;
    }

    public static string Lease(TenantId tenant, TrainingJobId job) => $"leases/training/{tenant.Value}/{job.Value}";

    /// <summary>training-state.json, epoch-NNNN.ckpt and best-epoch-NNNN.pt: what <c>TrainingLoop</c> writes.</summary>
    public static bool IsCheckpointFile(string? file) => file is not null && CheckpointFile().IsMatch(file);

    /// <summary>The job id of a key found by listing <see cref="JobPrefix"/>, or null.</summary>
    public static TrainingJobId? JobOf(TenantId tenant, string key)
    {
        var prefix = JobPrefix(tenant);
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var id = key[prefix.Length..^".json".Length];
        return TrainingJobId.IsValid(id) ? new TrainingJobId(id) : null;
    }

    [GeneratedRegex(@"^(training-state\.json|epoch-[0-9]{4,6}\.ckpt|best-epoch-[0-9]{4,6}\.pt)$")]
    private static partial Regex CheckpointFile();
}

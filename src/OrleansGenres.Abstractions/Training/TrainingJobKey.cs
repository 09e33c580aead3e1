using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Training;

/// <summary>A training-job grain's key, <c>{tenant}/{job id}</c>: every job lives inside its tenant.</summary>
public static class TrainingJobKey
{
    public static string Of(TenantId tenant, TrainingJobId job) => $"{tenant.Value}/{job.Value}";

    public static (TenantId Tenant, TrainingJobId Job) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TenantId.IsValid(key[..slash]) || !TrainingJobId.IsValid(key[(slash + 1)..]))
        {
            throw new FormatException($"'{key}' is not a training job key (tenant/job id).");
        }

        return (new TenantId(key[..slash]), new TrainingJobId(key[(slash + 1)..]));
    }
}

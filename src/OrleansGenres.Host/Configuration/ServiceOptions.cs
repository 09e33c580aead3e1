namespace OrleansGenres.Host.Configuration;

/// <summary>Top-level switches: roles and limits of the HTTP API.</summary>
public sealed class ServiceOptions
{
    /// <summary>Comma-separated roles: api, analysis, training (default: all).</summary>
    public string Roles { get; set; } = "api,analysis,training";

    /// <summary>Largest accepted upload in bytes (default 100 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Requests per tenant per second (token bucket; 0 switches rate limiting off).</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Burst allowance of the per-tenant bucket.</summary>
    public int RequestBurst { get; set; } = 400;

    /// <summary>
    /// Thread-pool threads kept ready. Storage reads and decoding block a pool thread briefly; with the default (one per
    /// core) a burst of requests waits for the pool to grow, ~0.5 s per thread. Measured on 2 cores at 1000 GET/s:
    /// p99 112 ms with the default, 3.4 ms with 32.
    /// </summary>
    public int MinThreadPoolThreads { get; set; } = 32;

    /// <summary>
    /// libtorch's intra-op threads (0 = one per core, what <c>genres</c> uses by default). Set like the CLI's so a
    /// training job and <c>genres train</c> with the same config, data and seed end with the same weights on CPU: the
    /// order of floating-point reductions depends on the thread count.
    /// </summary>
    public int TorchThreads { get; set; }

    /// <summary>
    /// The Orleans Dashboard at <c>/dashboard</c> on <c>api</c> silos, for admin keys only. Off by default: its counters
    /// on every grain call took <c>GET /api/tracks/{id}</c>'s p99 from 3.8 to 5.2 ms at 1000 req/s (README, Benchmarks).
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>Longest time a request may take before it is cancelled (uploads included).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public HostRoles ParsedRoles()
    {
        var roles = HostRoles.None;
        foreach (var name in Roles.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            roles |= Enum.TryParse<HostRoles>(name, ignoreCase: true, out var role) && role != HostRoles.None
                ? role
                : throw new FormatException($"Unknown role '{name}': use api, analysis, training or all.");
        }

        return roles;
    }

    public IEnumerable<string> Validate()
    {
        HostRoles roles;
        string? error = null;
        try
        {
            roles = ParsedRoles();
            if (roles == HostRoles.None)
            {
                error = "Roles must name at least one of api, analysis, training";
            }
        }
        catch (FormatException e)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return error;
        }

        if (MaxUploadBytes < 1024)
        {
            yield return "MaxUploadBytes must be at least 1024";
        }

        if (RequestsPerSecond < 0 || RequestBurst < 1)
        {
            yield return "RequestsPerSecond must not be negative and RequestBurst must be positive";
        }

        if (MinThreadPoolThreads is < 1 or > 1024)
        {
            yield return "MinThreadPoolThreads must be 1-1024";
        }

        if (TorchThreads is < 0 or > 1024)
        {
            yield return "TorchThreads must be 0 (one per core) to 1024";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return "RequestTimeout must be positive";
        }
    }
}

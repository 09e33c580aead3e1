using OrleansGenres.Grains.Tenancy;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// Where a track's objects live. Built only from a validated tenant and track id, never from raw user input, and every
/// key starts with the tenant so listings and deletions stay inside it.
/// </summary>
public static class TrackKeys
{
    public static string StatePrefix(TenantId tenant) => $"tracks/{tenant.Value}/";

    public static string State(TenantId tenant, TrackId track) => $"tracks/{tenant.Value}/{track.Value}.json";

    public static string Audio(TenantId tenant, TrackId track) => $"audio/{tenant.Value}/{track.Value}";

    public static string Windows(TenantId tenant, TrackId track) => $"windows/{tenant.Value}/{track.Value}.json";

    /// <summary>The track id of a state key found by listing <see cref="StatePrefix"/>, or null for anything else.</summary>
    public static TrackId? TrackOfStateKey(TenantId tenant, string key)
    {
        var prefix = StatePrefix(tenant);
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        return TrackId.TryParse(key[prefix.Length..^".json".Length], out var id) ? id : null;
    }
}

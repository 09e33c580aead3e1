using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Tracks;

/// <summary>A track grain's key, <c>{tenant}/{track id}</c>: every track lives inside its tenant.</summary>
public static class TrackKey
{
    public static string Of(TenantId tenant, TrackId track) => $"{tenant.Value}/{track.Value}";

    public static bool TryParse(string key, out TenantId tenant, out TrackId track)
    {
        tenant = default;
        track = default;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TenantId.IsValid(key[..slash]) || !TrackId.TryParse(key[(slash + 1)..], out track))
        {
            return false;
        }

        tenant = new TenantId(key[..slash]);
        return true;
    }

    public static (TenantId Tenant, TrackId Track) Parse(string key) =>
        TryParse(key, out var tenant, out var track) ? (tenant, track) : throw new FormatException($"'{key}' is not a track key (tenant/track id).");
}

using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// Where a track's blobs live. Built only from a validated tenant and track id, never from raw user input, and every
/// key starts with the tenant so listings and deletions stay inside it.
/// </summary>
public static class TrackKeys
{
    public static string Audio(TenantId tenant, TrackId track) => $"audio/{tenant.Value}/{track.Value}";

    /// <summary>One timeline per analysis attempt: a superseded worker can never overwrite the result that stands.</summary>
    public static string Windows(TenantId tenant, TrackId track, Guid attempt) => $"windows/{tenant.Value}/{track.Value}/{attempt:N}.json";
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Tracks;

/// <summary>
/// A track's id: 32 lower-case hex characters of SHA-256(tenant, content hash). The same bytes uploaded again by the
/// same tenant are the same track (a retried upload never makes a duplicate), and ids from user input are checked
/// against this exact shape before they reach a storage key.
/// </summary>
public readonly record struct TrackId
{
    public const int Length = 32;

    private TrackId(string value) => Value = value;

    public string Value { get; }

    public static TrackId FromContent(TenantId tenant, string contentSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentSha256);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant.Value}\n{contentSha256}"));
        return new TrackId(Convert.ToHexStringLower(digest)[..Length]);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out TrackId id)
    {
        id = default;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        id = new TrackId(text);
        return true;
    }

    public static TrackId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a track id ({Length} lower-case hex characters).");

    public override string ToString() => Value;
}

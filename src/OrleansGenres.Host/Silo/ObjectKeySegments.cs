using System.Security.Cryptography;
using System.Text;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Silo;

/// <summary>
/// Turns any text (grain ids, state and reminder names) into object-key segments: '/'-separated parts that are already
/// valid stay readable (<c>acme/0f3a…</c>); any other part becomes <c>h-</c> + hex of its SHA-256, never a path.
/// </summary>
public static class ObjectKeySegments
{
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return string.Join('/', parts.Select(part => IsReadable(part) ? part : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(part)))[..40]));
    }

    private static bool IsReadable(string part) =>
        part.Length is > 0 and <= 100 && part is not "." and not ".." && !part.StartsWith("h-", StringComparison.Ordinal) && part.All(ObjectKey.IsSegmentChar);
}

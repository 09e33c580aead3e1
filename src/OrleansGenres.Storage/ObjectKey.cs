using System.Runtime.CompilerServices;

namespace OrleansGenres.Storage;

/// <summary>
/// Object keys: '/'-separated segments of <c>[A-Za-z0-9._=-]</c>, no empty, "." or ".." segment, at most
/// <see cref="MaxLength"/> characters. Every store validates keys first, so user input never becomes a file path.
/// </summary>
public static class ObjectKey
{
    public const int MaxLength = 512;

    /// <summary>Longest segment: keeps Local's file names (segment + suffix) under the file system's 255 bytes.</summary>
    public const int MaxSegmentLength = 200;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (Range range in key.AsSpan().Split('/'))
        {
            if (!IsValidSegment(key.AsSpan(range)))
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string? key, [CallerArgumentExpression(nameof(key))] string? parameterName = null)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"Invalid object key '{Shorten(key)}': use '/'-separated segments of letters, digits and '._=-' " +
                $"(no empty, '.' or '..' segment), at most {MaxLength} characters.",
                parameterName);
        }
    }

    /// <summary>
    /// A listing prefix: empty, or complete valid segments each followed by '/', optionally ending in the start of a
    /// segment (any allowed characters). Prefixes match keys by plain string comparison, as Blob Storage does.
    /// </summary>
    public static void ValidatePrefix(string? prefix, [CallerArgumentExpression(nameof(prefix))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        if (prefix.Length == 0)
        {
            return;
        }

        int lastSlash = prefix.LastIndexOf('/');
        bool valid = prefix.Length <= MaxLength
            && (lastSlash < 0 || IsValid(prefix[..lastSlash]))
            && prefix.AsSpan(lastSlash + 1).Length <= MaxSegmentLength;
        foreach (char c in prefix.AsSpan(lastSlash + 1))
        {
            valid &= IsSegmentChar(c);
        }

        if (!valid)
        {
            throw new ArgumentException($"Invalid object key prefix '{Shorten(prefix)}'.", parameterName);
        }
    }

    public static bool IsSegmentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '=' or '-';

    private static bool IsValidSegment(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty || segment.Length > MaxSegmentLength || segment is "." or "..")
        {
            return false;
        }

        foreach (char c in segment)
        {
            if (!IsSegmentChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string? key) => key is null ? "(null)" : key.Length <= 80 ? key : key[..80] + "…";
}

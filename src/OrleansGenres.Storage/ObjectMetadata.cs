namespace OrleansGenres.Storage;

/// <summary>
/// Rules for user metadata, shared by every store so Local accepts exactly what Blob Storage accepts: names are
/// C#-identifier-like (they travel as <c>x-ms-meta-NAME</c> headers), values printable ASCII without surrounding
/// whitespace (HTTP would trim it). Names are compared case-insensitively, as HTTP headers are.
/// </summary>
public static class ObjectMetadata
{
    public const int MaxTotalSize = 8 * 1024;

    public static readonly IReadOnlyDictionary<string, string> Empty =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase).AsReadOnly();

    public static void Validate(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        int total = 0;
        foreach ((string name, string value) in metadata)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"Metadata name '{name}' is invalid: use letters, digits and '_', not starting with a digit.");
            }

            if (value is null || !IsHeaderSafe(value) || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
            {
                throw new ArgumentException($"Metadata value of '{name}' must be printable ASCII without leading or trailing spaces.");
            }

            total += name.Length + value.Length;
        }

        if (total > MaxTotalSize)
        {
            throw new ArgumentException($"Metadata is larger than {MaxTotalSize} characters.");
        }
    }

    /// <summary>A case-insensitive copy, the shape every store returns.</summary>
    public static IReadOnlyDictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        if (metadata is null)
        {
            return Empty;
        }

        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in metadata)
        {
            copy[name] = value;
        }

        return copy.Count == 0 ? Empty : copy.AsReadOnly();
    }

    internal static bool IsHeaderSafe(string value)
    {
        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 256 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

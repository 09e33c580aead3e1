namespace OrleansGenres.Abstractions.Tenancy;

/// <summary>
/// The one rule for names that become storage key segments (tenants, models, datasets) and for hash segments, so every
/// kind of name is refused the same way before it gets near a key.
/// </summary>
public static class KeySegment
{
    /// <summary>1-<paramref name="maxLength"/> lower-case ASCII letters, digits or '-'.</summary>
    public static bool IsSlug(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Exactly <paramref name="length"/> lower-case hex digits.</summary>
    public static bool IsLowerHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiHexDigitLower);
}

using System.Globalization;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// A message file's name holds all of the message's mutable state, so every state change is one atomic rename:
/// <c>{visibleAt UTC ticks, 19 digits}_{id}_{dequeueCount}_{nonce}.msg</c>. Renaming works as compare-and-swap:
/// of two processes renaming the same name, exactly one succeeds. Names sort by visibility time, so a queue is
/// received roughly first in, first out. The receipt is the name less the id: it changes on every receive and
/// extend, and a stale receipt names a file that no longer exists.
/// </summary>
internal readonly record struct MessageFileName(long VisibleAtTicks, string Id, int DequeueCount, string Nonce)
{
    public const string Extension = ".msg";

    public string Receipt => string.Create(CultureInfo.InvariantCulture, $"{VisibleAtTicks:D19}_{DequeueCount}_{Nonce}");

    public static string NewId() => Guid.NewGuid().ToString("N");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{VisibleAtTicks:D19}_{Id}_{DequeueCount}_{Nonce}{Extension}");

    public static bool TryParse(string fileName, out MessageFileName name)
    {
        name = default;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = fileName[..^Extension.Length].Split('_');
        return parts.Length == 4 && TryCreate(parts[0], parts[1], parts[2], parts[3], out name);
    }

    /// <summary>The file a message's id and receipt name; false for anything malformed (receipts come from callers).</summary>
    public static bool TryFromReceipt(string id, string receipt, out MessageFileName name)
    {
        name = default;
        string[] parts = receipt.Split('_');
        return parts.Length == 3 && TryCreate(parts[0], id, parts[1], parts[2], out name);
    }

    private static bool TryCreate(string ticks, string id, string count, string nonce, out MessageFileName name)
    {
        name = default;
        if (ticks.Length != 19 || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out long visibleAt)
            || !IsHex32(id) || !IsHex32(nonce)
            || count.Length is 0 or > 9 || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int dequeueCount))
        {
            return false;
        }

        name = new MessageFileName(visibleAt, id, dequeueCount, nonce);
        return true;
    }

    private static bool IsHex32(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);
}

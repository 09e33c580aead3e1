using System.Security.Cryptography;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// SHA-256 of a file's bytes, as lowercase hex. It names audio by content rather than by path, so the feature cache
/// reuses work for a file that moved and recomputes it for one that changed.
/// </summary>
public static class ContentHash
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Streamed: an hour of audio is never held in memory to hash it.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }
}

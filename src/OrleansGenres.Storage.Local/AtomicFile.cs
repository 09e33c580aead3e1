namespace OrleansGenres.Storage.Local;

/// <summary>Writes small files that are renamed into place afterwards (the rename is what makes them appear atomically).</summary>
internal static class AtomicFile
{
    /// <summary>Creates <paramref name="path"/> (it must not exist) with <paramref name="bytes"/>.</summary>
    public static async Task WriteAsync(string path, byte[] bytes, bool flushToDisk, CancellationToken ct)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(bytes, ct).ConfigureAwait(false);
            if (flushToDisk)
            {
                file.Flush(flushToDisk: true);
            }
        }
    }
}

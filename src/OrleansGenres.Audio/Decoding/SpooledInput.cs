namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// An input stream copied to a private temporary file, so the in-process decoder reads it as it reads any file:
/// seekable (an M4A with its index at the end decodes), with a known size (a cut-short MP3 is told from a short one
/// by it), and copied with asynchronous reads that honour cancellation (a stalled upload never blocks a thread).
/// The file is deleted on disposal.
/// </summary>
internal sealed class SpooledInput : IDisposable
{
    private SpooledInput(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    public static async Task<SpooledInput> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orleansgenres-decode-{Guid.NewGuid():N}");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                // Uploads are the tenants' data: readable by this user only.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var file = new FileStream(path, options);
            await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return new SpooledInput(path, file.Length);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    public void Dispose() => Delete(Path);

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary file left behind is not worth failing a decode for.
        }
    }
}

namespace OrleansGenres.Cli;

/// <summary>Writes a result file atomically: a crash or failure never leaves a half-written output behind.</summary>
internal static class OutputFile
{
    public static void Write(FileInfo target, Action<Stream> write) =>
        WriteAsync(target, stream =>
        {
            write(stream);
            return Task.FromResult(true);
        }).GetAwaiter().GetResult();

    public static async Task<T> WriteAsync<T>(FileInfo target, Func<Stream, Task<T>> write)
    {
        var directory = target.Directory ?? new DirectoryInfo(".");
        directory.Create();
        var temporary = Path.Combine(directory.FullName, $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            await using (var stream = File.Create(temporary))
            {
                result = await write(stream);
            }

            File.Move(temporary, target.FullName, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

namespace OrleansGenres.Cli;

/// <summary>Writes a result file atomically: a crash or failure never leaves a half-written output behind.</summary>
internal static class OutputFile
{
    public static void Write(FileInfo target, Action<Stream> write)
    {
        var directory = target.Directory ?? new DirectoryInfo(".");
        directory.Create();
        var temporary = Path.Combine(directory.FullName, $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, target.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

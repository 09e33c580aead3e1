namespace OrleansGenres.Host.Silo;

/// <summary>
/// The embedded silo owns its data folder alone: it is a whole cluster of one, so a second process on the same folder
/// would run the same grains twice. The lock is an exclusive open of <c>silo.lock</c> (an OS file lock, released when
/// the process dies, even by <c>kill -9</c>).
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataFolderLock? TryAcquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        try
        {
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, "silo.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

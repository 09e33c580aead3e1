using System.IO.Compression;

namespace OrleansGenres.Audio.Formats;

/// <summary>Reads float32 arrays back from an .npz written by <see cref="NpzWriter"/> or NumPy.</summary>
public sealed class NpzReader : IDisposable
{
    private readonly ZipArchive _archive;

    public NpzReader(Stream input)
    {
        _archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: false);
    }

    public static NpzReader Open(string path) => new(File.OpenRead(path));

    public IEnumerable<string> Names => _archive.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName));

    /// <summary>The float32 array stored as <paramref name="name"/>.npy, with its shape.</summary>
    public (float[] Data, long[] Shape) ReadFloat32(string name)
    {
        var entry = _archive.GetEntry(name + ".npy") ?? throw new InvalidDataException($"the archive has no array '{name}'");
        using var stream = entry.Open();
        return NpyFile.ReadFloat32(stream, name);
    }

    public void Dispose() => _archive.Dispose();
}

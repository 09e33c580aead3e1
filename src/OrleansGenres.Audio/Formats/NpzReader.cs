using System.IO.Compression;
using System.Runtime.InteropServices;

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
        var header = NpyHeader.Read(stream);
        if (header.Dtype != "<f4")
        {
            throw new InvalidDataException($"array '{name}' is {header.Dtype}, not float32 (<f4)");
        }

        var data = new float[checked((int)header.ElementCount)];
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        return (data, [.. header.Shape]);
    }

    public void Dispose() => _archive.Dispose();
}

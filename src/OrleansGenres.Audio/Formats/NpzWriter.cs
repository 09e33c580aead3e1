using System.IO.Compression;

namespace OrleansGenres.Audio.Formats;

/// <summary>
/// Writes a compressed NumPy archive (.npz, as np.savez_compressed does): a zip of .npy entries, read in Python
/// with np.load(path)["name"].
/// </summary>
public sealed class NpzWriter : IDisposable
{
    private readonly ZipArchive _archive;

    public NpzWriter(Stream output)
    {
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: false);
    }

    public static NpzWriter Create(string path) => new(File.Create(path));

    public void WriteFloat32(string name, ReadOnlySpan<float> data, params long[] shape)
    {
        using var entry = _archive.CreateEntry(name + ".npy", CompressionLevel.Fastest).Open();
        NpyFile.WriteFloat32(entry, data, shape);
    }

    /// <summary>
    /// Writes an array whose float32 payload is already in <paramref name="payload"/> (e.g. a temporary file filled
    /// window by window), so large arrays are streamed rather than held in memory.
    /// </summary>
    public void WriteFloat32(string name, Stream payload, params long[] shape)
    {
        var header = new NpyHeader("<f4", shape);
        if (payload.Length - payload.Position != header.ElementCount * sizeof(float))
        {
            throw new ArgumentException("payload length does not match the shape", nameof(payload));
        }

        using var entry = _archive.CreateEntry(name + ".npy", CompressionLevel.Fastest).Open();
        entry.Write(header.ToBytes());
        payload.CopyTo(entry);
    }

    public void Dispose() => _archive.Dispose();
}

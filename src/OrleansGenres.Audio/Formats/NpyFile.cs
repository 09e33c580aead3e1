using System.Runtime.InteropServices;

namespace OrleansGenres.Audio.Formats;

/// <summary>Reads and writes little-endian float arrays as NumPy .npy (what Python users load with np.load).</summary>
public static class NpyFile
{
    public static void WriteFloat32(Stream stream, ReadOnlySpan<float> data, params long[] shape)
    {
        var header = new NpyHeader("<f4", shape);
        if (header.ElementCount != data.Length)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) does not match {data.Length} elements", nameof(shape));
        }

        stream.Write(header.ToBytes());
        stream.Write(MemoryMarshal.AsBytes(data));
    }

    public static void WriteFloat32(string path, ReadOnlySpan<float> data, params long[] shape)
    {
        using var stream = File.Create(path);
        WriteFloat32(stream, data, shape);
    }

    /// <summary>Reads a float32 or float64 array as doubles, with its shape.</summary>
    public static (double[] Data, long[] Shape) ReadAsDouble(Stream stream)
    {
        var header = NpyHeader.Read(stream);
        var count = checked((int)header.ElementCount);
        var data = new double[count];
        switch (header.Dtype)
        {
            case "<f8":
                stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
                break;
            case "<f4":
                var floats = new float[count];
                stream.ReadExactly(MemoryMarshal.AsBytes(floats.AsSpan()));
                for (var i = 0; i < count; i++)
                {
                    data[i] = floats[i];
                }

                break;
            default:
                throw new InvalidDataException($"unsupported dtype {header.Dtype} (float32 and float64 are read)");
        }

        return (data, [.. header.Shape]);
    }

    public static (double[] Data, long[] Shape) ReadAsDouble(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadAsDouble(stream);
    }

    public static (float[] Data, long[] Shape) ReadFloat32(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadFloat32(stream, path);
    }

    /// <summary>Reads a float32 array; <paramref name="name"/> names it in errors.</summary>
    public static (float[] Data, long[] Shape) ReadFloat32(Stream stream, string name)
    {
        var header = NpyHeader.Read(stream);
        if (header.Dtype != "<f4")
        {
            throw new InvalidDataException($"{name}: expected float32 (<f4), found {header.Dtype}");
        }

        var data = new float[checked((int)header.ElementCount)];
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        return (data, [.. header.Shape]);
    }
}

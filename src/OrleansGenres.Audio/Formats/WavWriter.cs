using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace OrleansGenres.Audio.Formats;

/// <summary>Writes mono 32-bit float WAV (format tag 3), which ffmpeg decodes back bit-exactly.</summary>
public static class WavWriter
{
    public static void WriteFloat32(Stream stream, ReadOnlySpan<float> samples, int sampleRate)
    {
        const int channels = 1;
        const int bytesPerSample = 4;
        var dataBytes = samples.Length * bytesPerSample;
        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 3); // IEEE float
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], channels);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * channels * bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], channels * bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], bytesPerSample * 8);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(samples));
    }

    public static void WriteFloat32(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        using var stream = File.Create(path);
        WriteFloat32(stream, samples, sampleRate);
    }
}

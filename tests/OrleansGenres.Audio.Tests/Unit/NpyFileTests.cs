using System.IO.Compression;
using OrleansGenres.Audio.Formats;

namespace OrleansGenres.Audio.Tests.Unit;

public sealed class NpyFileTests
{
    [Fact]
    public void Float32_arrays_round_trip_with_their_shape_and_an_aligned_header()
    {
        float[] data = [1.5f, -2f, 3.25f, 0f, 5f, 6f];
        using var stream = new MemoryStream();

        NpyFile.WriteFloat32(stream, data, 2, 3);
        stream.Position = 0;
        var (read, shape) = NpyFile.ReadAsDouble(stream);

        Assert.Equal(0, (stream.Length - (data.Length * 4)) % 64);
        Assert.Equal([2L, 3L], shape);
        Assert.Equal(data.Select(d => (double)d), read);
    }

    [Fact]
    public void Header_is_the_python_dict_numpy_writes()
    {
        var bytes = new NpyHeader("<f4", [7]).ToBytes();
        var header = System.Text.Encoding.Latin1.GetString(bytes);

        Assert.Equal(0x93, bytes[0]);
        Assert.StartsWith("NUMPY", header[1..], StringComparison.Ordinal);
        Assert.Equal(1, bytes[6]);
        Assert.Contains("{'descr': '<f4', 'fortran_order': False, 'shape': (7,), }", header, StringComparison.Ordinal);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_and_data_must_agree()
    {
        Assert.Throws<ArgumentException>(() => NpyFile.WriteFloat32(new MemoryStream(), new float[5], 2, 3));
    }

    [Fact]
    public void Npz_holds_one_npy_entry_per_array()
    {
        using var stream = new MemoryStream();
        using (var npz = new NpzWriter(new NonClosingStream(stream)))
        {
            npz.WriteFloat32("a", [1f, 2f], 2);
            npz.WriteFloat32("b", new MemoryStream(new byte[12]), 3);
        }

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["a.npy", "b.npy"], zip.Entries.Select(e => e.FullName));
        using var entry = new MemoryStream();
        zip.GetEntry("b.npy")!.Open().CopyTo(entry);
        entry.Position = 0;
        Assert.Equal([3L], NpyFile.ReadAsDouble(entry).Shape);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

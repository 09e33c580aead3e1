using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansGenres.Audio.Formats;

/// <summary>
/// The header of a NumPy .npy file (format 1.0): magic, version, a Python-dict literal naming dtype and shape,
/// padded so the data starts on a 64-byte boundary. Written by hand because no .NET package for it is held.
/// </summary>
public sealed partial record NpyHeader(string Dtype, IReadOnlyList<long> Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public byte[] ToBytes()
    {
        var shape = Shape.Count == 1
            ? $"({Shape[0]},)"
            : "(" + string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
        var dict = $"{{'descr': '{Dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        var unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        var padding = (64 - (unpadded % 64)) % 64;
        var text = dict + new string(' ', padding) + "\n";
        var bytes = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 2), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text, bytes.AsSpan(10));
        return bytes;
    }

    public static NpyHeader Read(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[10];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a .npy file (bad magic)");
        }

        int headerLength;
        if (prefix[6] == 1)
        {
            headerLength = BitConverter.ToUInt16(prefix[8..10]);
        }
        else
        {
            Span<byte> more = stackalloc byte[2];
            stream.ReadExactly(more);
            headerLength = (int)BitConverter.ToUInt32([prefix[8], prefix[9], more[0], more[1]]);
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var text = Encoding.ASCII.GetString(header);
        var descr = DescrPattern().Match(text);
        var shape = ShapePattern().Match(text);
        if (!descr.Success || !shape.Success || text.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"unsupported .npy header: {text.Trim()}");
        }

        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        return new NpyHeader(descr.Groups[1].Value, dims);
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}

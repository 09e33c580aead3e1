using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Bench;

/// <summary>ffmpeg decoding to mono float32 at 22.05 kHz, read in chunks as the analysis pipeline reads it.</summary>
internal static class DecodeBench
{
    private const int SampleRate = 22050;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchInputs inputs, bool quick)
    {
        var seconds = quick ? 60 : 600;
        var repeats = quick ? 1 : 3;
        (string Name, string Format, string[] Codec)[] formats =
        [
            ("mp3", "mp3", ["-c:a", "libmp3lame", "-b:a", "192k"]),
            ("ogg", "ogg", ["-c:a", "libvorbis", "-q:a", "5"]),
            ("opus", "ogg", ["-c:a", "libopus", "-b:a", "96k"]),
            ("flac", "flac", ["-c:a", "flac"]),
            ("m4a", "ipod", ["-c:a", "aac", "-b:a", "160k"]),
            ("wav", "wav", ["-c:a", "pcm_s16le"]),
        ];
        var decoder = new FfmpegDecoder();
        var results = new List<BenchResult>();
        foreach (var (name, format, codec) in formats)
        {
            var path = inputs.Get("stereo44k." + name, seconds, format, codec);
            var wall = await Measure.MedianSecondsAsync(repeats, () => DecodeAsync(decoder, path));
            results.Add(new BenchResult($"decode {name} 44.1k stereo -> 22.05k mono ({seconds} s)", seconds / wall, Notes: $"{wall:0.000} s"));
        }

        return results;
    }

    private static async Task DecodeAsync(IAudioDecoder decoder, string path)
    {
        await using var source = decoder.OpenFile(path, SampleRate);
        var buffer = new float[64 * 1024];
        while (await source.ReadAsync(buffer) > 0)
        {
        }
    }
}

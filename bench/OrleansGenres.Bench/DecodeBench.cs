using OrleansGenres.Audio.Decoding;

namespace OrleansGenres.Bench;

/// <summary>
/// Decoding to mono float32 at 22.05 kHz, read in 64k-sample chunks as the analysis pipeline reads it: the in-process
/// decoder (libav) beside the ffmpeg child process, per format.
/// </summary>
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
        (string Name, IAudioDecoder Decoder)[] decoders = [("in-process", new LibavDecoder()), ("ffmpeg", new FfmpegDecoder())];
        var results = new List<BenchResult>();
        foreach (var (name, format, codec) in formats)
        {
            var path = inputs.Get("stereo44k." + name, seconds, format, codec);
            foreach (var (decoderName, decoder) in decoders)
            {
                var wall = await Measure.MedianSecondsAsync(repeats, () => DecodeAsync(decoder, path));
                results.Add(new BenchResult($"decode {name} 44.1k stereo -> 22.05k mono ({seconds} s), {decoderName}", seconds / wall, Notes: $"{wall:0.000} s"));
            }
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

using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>
/// The in-process decoder against the ffmpeg command line (<see cref="FfmpegDecoder"/> runs
/// <c>ffmpeg -i in -map 0:a:0 -ac 1 -ar SR -f f32le -</c>): the same samples, bit for bit, for every codec, channel
/// count and rate, and the same outcome for damaged inputs. Both run the same libavformat/libavcodec/libswresample
/// code with the same settings, so any difference is a bug in how the in-process decoder drives them.
/// </summary>
public sealed class LibavMatchesFfmpegTests : IDisposable
{
    private static readonly string[] Sources =
    [
        "sine=frequency=440:duration=2:sample_rate={0}",
        "anoisesrc=d=2:c=pink:a=0.3:r={0}",
        // A rising chirp on the left, a falling one on the right: the downmix and the resampler's band edge both show.
        "aevalsrc=exprs=0.5*sin(2*PI*(100+2000*t)*t)|0.3*sin(2*PI*(3000-900*t)*t):d=2:s={0}",
    ];

    private static readonly (string Name, string Extension, string[] Arguments)[] Codecs =
    [
        ("wav-s16", "wav", ["-c:a", "pcm_s16le"]),
        ("wav-float", "wav", ["-c:a", "pcm_f32le"]),
        ("mp3", "mp3", ["-c:a", "libmp3lame"]),
        ("vorbis", "ogg", ["-c:a", "libvorbis"]),
        ("opus", "opus", ["-c:a", "libopus"]),
        ("flac", "flac", ["-c:a", "flac"]),
        ("aac", "m4a", ["-c:a", "aac"]),
    ];

    private static readonly int[] InputRates = [8000, 22050, 44100, 48000];

    private static readonly int[] OutputRates = [16000, 22050, 44100];

    private readonly TempDirectory _temp = new();

    /// <summary>Every codec × input rate × mono/stereo; the signal and the output rate rotate so each codec meets all of them.</summary>
    public static TheoryData<string, int, int, int, int> GeneratedCases
    {
        get
        {
            var data = new TheoryData<string, int, int, int, int>();
            var row = 0;
            foreach (var codec in Codecs)
            {
                foreach (var inputRate in InputRates)
                {
                    foreach (var channels in new[] { 1, 2 })
                    {
                        data.Add(codec.Name, inputRate, channels, row % Sources.Length, OutputRates[(row / Sources.Length) % OutputRates.Length]);
                        row++;
                    }
                }
            }

            return data;
        }
    }

    /// <summary>Real files of each shared dataset, read in place: WAV (FSDD), Ogg Vorbis (ESC-10), MP3 (Philharmonia), Opus (MIDI genres).</summary>
    public static TheoryData<string, string> DatasetFiles => new()
    {
        { "fsdd", "recordings/0_george_0.wav" },
        { "fsdd", "recordings/7_jackson_32.wav" },
        { "esc10", "audio/dog_bark/1-100032-A.ogg" },
        { "esc10", "audio/rain/1-17367-A.ogg" },
        { "philharmonia", "audio/banjo/banjo_A3_very-long_piano_normal.mp3" },
        { "philharmonia", "audio/flute/flute_A4_05_mezzo-piano_normal.mp3" },
        { "midi-genres", "audio/classic/classic.396b0c74a5.opus" },
    };

    /// <summary>Encoded 5 s tones (damaged below) and how each is damaged: cut to a fraction of its bytes, or bytes overwritten.</summary>
    public static TheoryData<string, string> DamagedCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var format in DamagedFormats.Keys)
            {
                foreach (var damage in new[] { "cut:0.02", "cut:0.1", "cut:0.4", "cut:0.7", "cut:0.95", "noise:0.5", "zeros:0.3" })
                {
                    data.Add(format, damage);
                }
            }

            return data;
        }
    }

    private static Dictionary<string, string[]> DamagedFormats => new()
    {
        ["mp3"] = ["-c:a", "libmp3lame"],
        ["wav"] = ["-c:a", "pcm_s16le"],
        ["ogg"] = ["-c:a", "libvorbis", "-b:a", "128k"],
        ["opus"] = ["-c:a", "libopus"],
        ["flac"] = ["-c:a", "flac"],
        // ffmpeg writes an M4A's index (moov) at the end unless asked to move it to the front.
        ["m4a"] = ["-c:a", "aac"],
        ["faststart.m4a"] = ["-c:a", "aac", "-movflags", "+faststart"],
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(DamagedCases))]
    public async Task Damaged_input_fails_with_the_same_kind_or_decodes_to_the_same_samples(string format, string damage)
    {
        var whole = GeneratedAudio.Create(
            _temp.File("whole." + format), "sine=frequency=440:duration=5:sample_rate=44100", ["-ac", "2", .. DamagedFormats[format]]);
        var path = Damage(whole, _temp.File("damaged." + format), damage);

        foreach (var failOnCorruption in new[] { true, false })
        {
            var expected = await OutcomeAsync(TestDecoders.Ffmpeg(failOnCorruption), path);
            var actual = await OutcomeAsync(TestDecoders.Libav(failOnCorruption), path);

            var label = $"{format} {damage} (fail on corruption: {failOnCorruption})";
            if (format == "flac" && !damage.StartsWith("cut", StringComparison.Ordinal))
            {
                // The one known difference. On a multi-core machine the ffmpeg CLI decodes FLAC with frame threads
                // (-threads auto), and libavcodec's frame-threaded FLAC decoder neither reports a corrupt frame nor
                // outputs the same samples around it. The in-process decoder uses one thread: it reports the damage
                // and gives exactly what `ffmpeg -threads 1` gives.
                Assert.Null(expected.Kind);
                Assert.Equal(failOnCorruption ? DecodeErrorKind.Truncated : null, actual.Kind);
                if (!failOnCorruption)
                {
                    AssertBitExact(label, 16000, FfmpegCommandLine.Decode(path, 16000, "-threads", "1"), actual.Samples!);
                }

                continue;
            }

            Assert.True(expected.Kind == actual.Kind, $"{label}: ffmpeg {expected.Kind?.ToString() ?? "decodes"}, in-process {actual.Kind?.ToString() ?? "decodes"} ({actual.Message})");
            if (expected.Samples is not null)
            {
                AssertBitExact(label, 16000, expected.Samples, actual.Samples!);
            }
        }
    }

    private static async Task<(DecodeErrorKind? Kind, float[]? Samples, string Message)> OutcomeAsync(IAudioDecoder decoder, string path)
    {
        try
        {
            return (null, await DecodeAllAsync(() => decoder.OpenFile(path, 16000)), "");
        }
        catch (AudioDecodeException e)
        {
            return (e.Kind, null, e.Message);
        }
    }

    /// <summary>"cut:F" keeps the first fraction F of the bytes; "noise:F"/"zeros:F" overwrite 2 KB at fraction F.</summary>
    private static string Damage(string source, string destination, string damage)
    {
        var bytes = File.ReadAllBytes(source);
        var how = damage.Split(':');
        var at = (int)(bytes.Length * double.Parse(how[1], System.Globalization.CultureInfo.InvariantCulture));
        if (how[0] == "cut")
        {
            bytes = bytes[..at];
        }
        else
        {
            var span = bytes.AsSpan(at, Math.Min(2048, bytes.Length - at));
            if (how[0] == "noise")
            {
                new Random(7).NextBytes(span);
            }
            else
            {
                span.Clear();
            }
        }

        File.WriteAllBytes(destination, bytes);
        return destination;
    }

    [Theory]
    [MemberData(nameof(GeneratedCases))]
    public async Task Generated_audio_decodes_bit_exactly_as_the_ffmpeg_command_line(string codec, int inputRate, int channels, int source, int outputRate)
    {
        var (_, extension, arguments) = Codecs.Single(c => c.Name == codec);
        var path = GeneratedAudio.Create(
            _temp.File($"{codec}-{inputRate}-{channels}.{extension}"),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sources[source], inputRate),
            ["-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments]);

        await AssertSameSamplesAsync(path, outputRate);
    }

    [Theory]
    [MemberData(nameof(DatasetFiles))]
    public async Task Dataset_files_decode_bit_exactly_as_the_ffmpeg_command_line(string dataset, string file)
    {
        var path = SharedData.Dataset(dataset, file);

        await AssertSameSamplesAsync(path, 16000);
        await AssertSameSamplesAsync(path, 22050);
    }

    private static async Task AssertSameSamplesAsync(string path, int rate)
    {
        var expected = await DecodeAllAsync(() => new FfmpegDecoder().OpenFile(path, rate));
        var actual = await DecodeAllAsync(() => new LibavDecoder().OpenFile(path, rate));

        Assert.True(expected.Length > 0, $"{path}: ffmpeg decoded nothing");
        AssertBitExact(Path.GetFileName(path), rate, expected, actual);
    }

    private static void AssertBitExact(string name, int rate, float[] expected, float[] actual)
    {
        Assert.True(expected.Length == actual.Length, $"{name} at {rate} Hz: ffmpeg gave {expected.Length} samples, in-process {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{name} at {rate} Hz, sample {i}: ffmpeg {expected[i]:R}, in-process {actual[i]:R}");
            }
        }
    }
}

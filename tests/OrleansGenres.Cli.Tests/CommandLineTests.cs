using System.IO.Compression;
using System.Text.Json;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Cli.Tests;

/// <summary>probe, windows, scan and the error contract: one clear line on stderr and a non-zero exit code.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Probe_json_reports_duration_rate_channels_and_codec()
    {
        var file = SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg");

        var result = await GenresProcess.RunAsync("probe", file, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5.0, json.RootElement.GetProperty("durationSeconds").GetDouble(), 1);
        Assert.Equal(44100, json.RootElement.GetProperty("sampleRate").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("channels").GetInt32());
        Assert.Equal("vorbis", json.RootElement.GetProperty("codec").GetString());
    }

    [Fact]
    public async Task Windows_writes_an_npz_of_window_log_mels()
    {
        using var temp = new TempDirectory();
        var input = GeneratedAudio.Create(temp.File("tone.mp3"), "sine=frequency=440:duration=9");
        var output = temp.File("windows.npz");

        var result = await GenresProcess.RunAsync("windows", input, "--window", "4", "--hop", "2", "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var arrays = ReadNpz(output);
        // 9 s (plus MP3 padding) at 4/2: windows start at 0, 2, 4 and a padded one at 6.
        Assert.Equal([4L, 128L, 173L], arrays["windows"].Shape);
        Assert.Equal([0.0, 2.0, 4.0, 6.0], arrays["starts"].Data);
    }

    [Fact]
    public async Task Windows_with_drop_refuses_input_shorter_than_one_window()
    {
        using var temp = new TempDirectory();
        var input = GeneratedAudio.Create(temp.File("short.wav"), "sine=frequency=440:duration=1");

        var result = await GenresProcess.RunAsync("windows", input, "--last", "Drop", "--out", temp.File("w.npz"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shorter than one", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("w.npz")));
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("ffmpeg")]
    public async Task Undecodable_input_fails_with_one_line_and_no_stack_trace(string decoder)
    {
        // One line also means libav's own warnings ("Format mp3 detected only with low score") stay off stderr.
        using var temp = new TempDirectory();
        var input = temp.File("random.mp3");
        File.WriteAllBytes(input, RandomBytes(4000));

        var result = await GenresProcess.RunAsync("mel", input, "--out", temp.File("mel.npy"), "--decoder", decoder);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("genres: error: cannot decode", line, StringComparison.Ordinal);
        Assert.Contains("InvalidData", line, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("mel.npy")));
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var result = await GenresProcess.RunAsync("probe", "/nonexistent/file.wav", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NotFound", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(" at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mel", "x.wav", "--preset", "essentia", "--out", "x.npy")]
    [InlineData("mel", "x.wav")]
    [InlineData("windows", "x.wav", "--window", "2", "--hop", "3", "--out", "x.npz")]
    [InlineData("windows", "x.wav", "--decoder", "sox", "--out", "x.npz")]
    [InlineData("nonsense")]
    public async Task Usage_errors_exit_with_code_2(params string[] arguments)
    {
        using var temp = new TempDirectory();
        var wav = temp.File("x.wav");
        WavWriter.WriteFloat32(wav, new float[22050], 22050);
        var rooted = arguments.Select(a => a.StartsWith("x.", StringComparison.Ordinal) ? temp.File(a) : a).ToArray();

        var result = await GenresProcess.RunAsync(rooted);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("genres: error:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("ffmpeg")]
    public async Task Scan_lists_the_files_that_fail_and_why_and_the_silent_ones(string decoder)
    {
        using var temp = new TempDirectory();
        GeneratedAudio.Create(temp.File("good.flac"), "sine=frequency=440:duration=1");
        File.WriteAllText(temp.File("notes.mp3"), "not audio at all");
        File.WriteAllBytes(temp.File("empty.wav"), []);
        GeneratedAudio.Create(temp.File("quiet.flac"), "anullsrc=r=16000:cl=mono", "-t", "1");
        GeneratedAudio.Create(temp.File("negative.flac"), "aevalsrc=-0.5*abs(sin(2*PI*440*t)):s=16000:d=1"); // loud, every sample below zero

        var result = await GenresProcess.RunAsync("scan", temp.Path, "--json", "--decoder", decoder);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("decoded").GetInt32());
        Assert.Equal(["quiet.flac"], json.RootElement.GetProperty("silent").EnumerateArray().Select(e => e.GetString()));
        var failures = json.RootElement.GetProperty("failures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("kind").GetString());
        Assert.Equal("Empty", failures["empty.wav"]);
        Assert.Equal("InvalidData", failures["notes.mp3"]);
    }

    [Fact]
    public async Task Info_reports_the_torch_runtime()
    {
        var result = await GenresProcess.RunAsync("info", "--json", "--threads", "2");
        var text = await GenresProcess.RunAsync("info", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var info = json.RootElement;
        Assert.Equal(2, info.GetProperty("threads").GetInt32());
        Assert.StartsWith("2.", info.GetProperty("version").GetString(), StringComparison.Ordinal); // TorchSharp's libtorch 2.x
        Assert.Equal(Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE", info.GetProperty("waitPolicy").GetString());
        Assert.False(info.GetProperty("cudaAvailable").GetBoolean()); // the CPU package: no CUDA here or in CI
        Assert.Matches(@"^torch 2(\.\d+)+ \(TorchSharp\), 1 threads, OMP_WAIT_POLICY=\w+, oneDNN ISA cap \w+, CUDA no", text.Stdout);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static Dictionary<string, (double[] Data, long[] Shape)> ReadNpz(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(
            e => Path.GetFileNameWithoutExtension(e.FullName),
            e =>
            {
                using var buffer = new MemoryStream();
                using (var entry = e.Open())
                {
                    entry.CopyTo(buffer);
                }

                buffer.Position = 0;
                return NpyFile.ReadAsDouble(buffer);
            });
    }
}

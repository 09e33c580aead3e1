using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Cli.Tests;

/// <summary>`genres mel` on every reference input, saved as a 32-bit float WAV at the preset's rate.</summary>
public sealed class MelCommandTests
{
    public static IEnumerable<object[]> Cases => MelReference.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Mel_of_the_reference_wav_matches_the_reference_log_mel(string config, string signal)
    {
        using var temp = new TempDirectory();
        var wav = temp.File($"{config}.{signal}.wav");
        var output = temp.File("mel.npy");
        WavWriter.WriteFloat32(wav, MelReference.Input(config, signal), MelReference.Options(config).SampleRate);

        var result = await GenresProcess.RunAsync("mel", wav, "--preset", config, "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var (expected, expectedShape) = MelReference.Expected(config, signal, "mel_db");
        var (actual, shape) = NpyFile.ReadFloat32(output);
        Assert.Equal(expectedShape, shape);
        Assert.InRange(MelReference.DecibelError(expected, actual), 0, 0.01);
    }

    [Fact]
    public async Task Sample_rate_override_changes_the_decoding_rate()
    {
        using var temp = new TempDirectory();
        var wav = temp.File("chirp.wav");
        WavWriter.WriteFloat32(wav, MelReference.Input("librosa", "chirp"), 22050); // 3 s
        var output = temp.File("mel.npy");

        var result = await GenresProcess.RunAsync("mel", wav, "--preset", "librosa", "--sample-rate", "16000", "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal([128L, 1 + (48000 / 512)], NpyFile.ReadFloat32(output).Shape);
    }
}

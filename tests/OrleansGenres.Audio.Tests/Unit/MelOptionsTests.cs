using OrleansGenres.Audio.Features;

namespace OrleansGenres.Audio.Tests.Unit;

public sealed class MelOptionsTests
{
    [Theory]
    [InlineData("librosa", 66150, 130)]
    [InlineData("librosa", 1102, 3)]
    [InlineData("torchaudio", 48000, 241)]
    [InlineData("torchaudio", 800, 5)]
    public void Frame_count_follows_centred_framing(string preset, int samples, int frames)
    {
        Assert.Equal(frames, MelOptions.FromPreset(preset).FrameCount(samples));
    }

    [Fact]
    public void Uncentred_input_shorter_than_n_fft_has_no_frames()
    {
        Assert.Equal(0, (MelOptions.Librosa with { Center = false }).FrameCount(2047));
        Assert.Equal(1, (MelOptions.Librosa with { Center = false }).FrameCount(2048));
    }

    [Fact]
    public void Presets_are_valid_and_unknown_presets_are_named()
    {
        Assert.Empty(MelOptions.Librosa.Validate());
        Assert.Empty(MelOptions.Torchaudio.Validate());
        var error = Assert.Throws<ArgumentException>(() => MelOptions.FromPreset("essentia"));
        Assert.Contains("librosa", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_reported()
    {
        var options = MelOptions.Librosa with { NFft = 4, HopLength = 0, NMels = 0, FMax = 20000, Power = 3, TopDb = -1 };

        Assert.Equal(6, options.Validate().Count);
    }
}

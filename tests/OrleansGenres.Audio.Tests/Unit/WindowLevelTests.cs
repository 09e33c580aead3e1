using OrleansGenres.Audio.Pipeline;

namespace OrleansGenres.Audio.Tests.Unit;

/// <summary>Window levels in dBFS, worked by hand: RMS of a sine is its amplitude / √2.</summary>
public sealed class WindowLevelTests
{
    [Theory]
    [InlineData(1.0, -3.0103)]
    [InlineData(0.001, -63.0103)]
    public void A_sine_is_its_amplitude_over_root_two(double amplitude, double dbfs)
    {
        var samples = Enumerable.Range(0, 8000).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * 100 * i / 8000))).ToArray();
        Assert.Equal(dbfs, WindowPosition.LevelOf(samples), precision: 3);
    }

    [Fact]
    public void Digital_silence_and_nothing_are_the_floor()
    {
        Assert.Equal(WindowPosition.SilenceDbfs, WindowPosition.LevelOf(new float[4000]));
        Assert.Equal(WindowPosition.SilenceDbfs, WindowPosition.LevelOf([]));
    }
}

using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Windowing;

namespace OrleansGenres.Audio.Tests.Unit;

public sealed class WindowerTests
{
    private const int Rate = 100; // 4 s window = 400 samples, 2 s hop = 200 samples

    [Theory]
    [InlineData(400, 1)]      // exactly one window
    [InlineData(600, 2)]      // exact multiple: 0–4, 2–6, nothing left over
    [InlineData(1000, 4)]
    [InlineData(500, 2)]      // 0–4 plus a padded 2–6 holding 3 s
    [InlineData(150, 1)]      // shorter than one window: one padded window
    [InlineData(0, 0)]
    public async Task Pad_policy_covers_every_sample_once_with_a_final_padded_window(int samples, int expectedWindows)
    {
        var windows = await WindowsOf(Ramp(samples), WindowingOptions.Default);

        Assert.Equal(expectedWindows, windows.Count);
        Assert.All(windows, w => Assert.Equal(400, w.Samples.Length));
        Assert.Equal(Enumerable.Range(0, windows.Count), windows.Select(w => w.Index));
        Assert.Equal(windows.Select((_, i) => i * 200L), windows.Select(w => w.StartSample));
        if (samples > 0)
        {
            var last = windows[^1];
            Assert.Equal(samples, last.StartSample + last.ValidSamples);
        }
    }

    [Fact]
    public async Task Window_samples_are_the_signal_at_their_offset_and_zero_padding_after_it()
    {
        var windows = await WindowsOf(Ramp(500), WindowingOptions.Default);

        Assert.Equal(Ramp(500).AsSpan(200, 300).ToArray(), windows[1].Samples[..300].ToArray());
        Assert.True(windows[1].IsPadded);
        Assert.Equal(300, windows[1].ValidSamples);
        Assert.All(windows[1].Samples[300..].ToArray(), s => Assert.Equal(0f, s));
        Assert.Equal(2.0, windows[1].StartSeconds);
        Assert.Equal(5.0, windows[1].EndSeconds);
    }

    [Theory]
    [InlineData(500, 1)]
    [InlineData(150, 0)]
    [InlineData(600, 2)]
    public async Task Drop_policy_keeps_whole_windows_only(int samples, int expectedWindows)
    {
        var windows = await WindowsOf(Ramp(samples), WindowingOptions.Default with { LastWindow = LastWindowPolicy.Drop });

        Assert.Equal(expectedWindows, windows.Count);
        Assert.All(windows, w => Assert.False(w.IsPadded));
    }

    [Fact]
    public async Task Ten_second_preset_does_not_overlap()
    {
        var windows = await WindowsOf(Ramp(2500), WindowingOptions.TenSeconds);

        Assert.Equal([0L, 1000L, 2000L], windows.Select(w => w.StartSample));
        Assert.Equal(500, windows[2].ValidSamples);
    }

    [Fact]
    public async Task Reads_lazily_no_further_than_the_windows_taken()
    {
        var source = new CountingSource(Ramp(100_000), Rate);
        await foreach (var window in Windower.WindowsAsync(source, WindowingOptions.Default))
        {
            if (window.Index == 1)
            {
                break;
            }
        }

        Assert.InRange(source.Delivered, 600, 600 + CountingSource.Chunk);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(4, 0)]
    [InlineData(4, 5)]
    public void Invalid_options_are_reported(double window, double hop)
    {
        Assert.NotEmpty(new WindowingOptions { WindowSeconds = window, HopSeconds = hop }.Validate());
    }

    private static float[] Ramp(int n) => Enumerable.Range(1, n).Select(i => (float)i).ToArray();

    private static async Task<List<AudioWindow>> WindowsOf(float[] samples, WindowingOptions options)
    {
        var result = new List<AudioWindow>();
        // Small reads prove windows do not depend on how the source chunks its output.
        await foreach (var window in Windower.WindowsAsync(new CountingSource(samples, Rate), options))
        {
            // Windows are views of the windower's buffer: keep copies.
            result.Add(window with { Samples = window.Samples.ToArray() });
        }

        return result;
    }

    private sealed class CountingSource(float[] samples, int sampleRate) : IPcmSource
    {
        public const int Chunk = 37;
        private readonly ArrayPcmSource _inner = new(samples, sampleRate);

        public int SampleRate => sampleRate;

        public int Delivered { get; private set; }

        public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
        {
            var read = await _inner.ReadAsync(buffer[..Math.Min(Chunk, buffer.Length)], cancellationToken);
            Delivered += read;
            return read;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

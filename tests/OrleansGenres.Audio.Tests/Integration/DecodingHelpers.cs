using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Shared helpers for the decoding integration tests (ffmpeg must be installed: it makes the test audio).</summary>
internal static class DecodingHelpers
{
    /// <summary>No decode in these tests may take longer: an error must arrive, never a hang.</summary>
    public static readonly TimeSpan DecodeTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Opens with <paramref name="open"/> and reads everything, within <see cref="DecodeTimeout"/>.</summary>
    public static Task<float[]> DecodeAllAsync(Func<IPcmSource> open) => OpenAndReadAllAsync(open).WaitAsync(DecodeTimeout);

    /// <summary>
    /// Opens and reads to the end and returns the <see cref="AudioDecodeException"/> raised, whether it comes from the
    /// open call or from a read; fails when decoding succeeds, another exception is raised, or it takes too long.
    /// </summary>
    public static async Task<AudioDecodeException> DecodeErrorAsync(Func<IPcmSource> open)
    {
        var exception = await Record.ExceptionAsync(() => OpenAndReadAllAsync(open).WaitAsync(DecodeTimeout));
        Assert.True(exception is not null, "decoding succeeded; an AudioDecodeException was expected");
        Assert.False(exception is TimeoutException, $"no error within {DecodeTimeout.TotalSeconds} s: the decode hangs");
        return Assert.IsType<AudioDecodeException>(exception);
    }

    // Opening inside the async method turns an error thrown by the open call into a faulted task, like a read error.
    private static async Task<float[]> OpenAndReadAllAsync(Func<IPcmSource> open)
    {
        await using var source = open();
        return await source.ReadAllAsync();
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Sign changes between consecutive samples (a sine of f Hz has 2f per second).</summary>
    public static int ZeroCrossings(ReadOnlySpan<float> samples)
    {
        var count = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Zero crossings per second over the middle of the signal (skipping codec ramp-in/out at the edges).</summary>
    public static double ZeroCrossingsPerSecond(float[] samples, int sampleRate)
    {
        var margin = sampleRate / 10;
        Assert.True(samples.Length > 4 * margin, $"too few samples ({samples.Length}) to measure a frequency");
        var middle = samples.AsSpan(margin, samples.Length - (2 * margin));
        return ZeroCrossings(middle) * (double)sampleRate / middle.Length;
    }

    /// <summary>Writes the first <paramref name="fraction"/> of <paramref name="source"/>'s bytes to <paramref name="destination"/>.</summary>
    public static string Truncate(string source, string destination, double fraction)
    {
        var bytes = File.ReadAllBytes(source);
        return TruncateToBytes(source, destination, (int)(bytes.Length * fraction));
    }

    public static string TruncateToBytes(string source, string destination, int length)
    {
        var bytes = File.ReadAllBytes(source);
        Assert.True(length < bytes.Length, $"{source} has only {bytes.Length} bytes");
        File.WriteAllBytes(destination, bytes.AsSpan(0, length).ToArray());
        return destination;
    }

    public static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

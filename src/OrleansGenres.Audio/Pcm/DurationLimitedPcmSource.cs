using System.Globalization;
using OrleansGenres.Audio.Decoding;

namespace OrleansGenres.Audio.Pcm;

/// <summary>
/// Stops audio longer than <see cref="MaxSeconds"/> with <see cref="DecodeErrorKind.TooLong"/>: at the first read when
/// the header declares a longer duration (before decoding the rest), and in any case as soon as the decoded samples
/// pass the limit (headers can lie). <paramref name="label"/> names the input in the message.
/// </summary>
public sealed class DurationLimitedPcmSource(IPcmSource inner, double maxSeconds, string label) : IPcmSource
{
    private readonly IPcmSource _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly long _maxSamples = (long)Math.Ceiling(maxSeconds * inner.SampleRate);
    private long _samples;

    public double MaxSeconds { get; } = maxSeconds > 0 ? maxSeconds : throw new ArgumentOutOfRangeException(nameof(maxSeconds));

    public int SampleRate => _inner.SampleRate;

    public double? DeclaredSeconds => _inner.DeclaredSeconds;

    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (_samples == 0 && _inner.DeclaredSeconds is { } declared && declared > MaxSeconds)
        {
            throw TooLong($"its header says it lasts {Describe(declared)}");
        }

        _samples += read;
        if (_samples > _maxSamples)
        {
            throw TooLong($"it decodes past {Describe(MaxSeconds)}");
        }

        return read;
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private AudioDecodeException TooLong(string finding) =>
        new(DecodeErrorKind.TooLong, $"{label}: the audio is longer than the limit of {Describe(MaxSeconds)} ({finding})");

    private static string Describe(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}

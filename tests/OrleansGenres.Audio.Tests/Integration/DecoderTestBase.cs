using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>
/// Base of the decoding tests every <see cref="IAudioDecoder"/> must pass. Each test class is derived once per
/// decoder (<c>DecoderVariants.cs</c>), so the in-process decoder and the ffmpeg child process meet one contract.
/// </summary>
public abstract class DecoderTestBase
{
    /// <summary>A decoder under test; <paramref name="failOnCorruption"/> as in its options.</summary>
    protected abstract IAudioDecoder CreateDecoder(bool failOnCorruption);

    protected IAudioDecoder CreateDecoder() => CreateDecoder(failOnCorruption: true);

    protected Task<float[]> DecodeFileAsync(string path, int sampleRate, bool failOnCorruption = true) =>
        DecodeAllAsync(() => CreateDecoder(failOnCorruption).OpenFile(path, sampleRate));

    protected Task<AudioDecodeException> DecodeFileErrorAsync(string path, int sampleRate = 16000) =>
        DecodeErrorAsync(() => CreateDecoder().OpenFile(path, sampleRate));

    protected IPcmSource OpenFile(string path, int sampleRate) => CreateDecoder().OpenFile(path, sampleRate);
}

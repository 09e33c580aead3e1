using OrleansGenres.Audio.Decoding;

namespace OrleansGenres.Audio.Tests.Integration;

// The shared decoding tests, once per decoder: in-process (libav) and the ffmpeg child process.

public sealed class LibavBadInputTests : DecodingBadInputTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Libav(failOnCorruption);
}

public sealed class FfmpegBadInputTests : DecodingBadInputTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Ffmpeg(failOnCorruption);
}

public sealed class LibavFormatTests : DecodingFormatTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Libav(failOnCorruption);
}

public sealed class FfmpegFormatTests : DecodingFormatTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Ffmpeg(failOnCorruption);
}

public sealed class LibavDatasetTests : DecodingDatasetTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Libav(failOnCorruption);
}

public sealed class FfmpegDatasetTests : DecodingDatasetTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Ffmpeg(failOnCorruption);
}

public sealed class LibavStreamTests : DecodingStreamTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Libav(failOnCorruption);
}

public sealed class FfmpegStreamTests : DecodingStreamTests
{
    protected override IAudioDecoder CreateDecoder(bool failOnCorruption) => TestDecoders.Ffmpeg(failOnCorruption);
}

internal static class TestDecoders
{
    public static IAudioDecoder Libav(bool failOnCorruption) => new LibavDecoder(new LibavOptions { FailOnCorruption = failOnCorruption });

    public static IAudioDecoder Ffmpeg(bool failOnCorruption) => new FfmpegDecoder(new FfmpegOptions { FailOnCorruption = failOnCorruption });
}

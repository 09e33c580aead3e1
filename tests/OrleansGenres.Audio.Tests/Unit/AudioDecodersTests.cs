using OrleansGenres.Audio.Decoding;

namespace OrleansGenres.Audio.Tests.Unit;

public sealed class AudioDecodersTests
{
    [Theory]
    [InlineData("in-process", DecoderKind.InProcess)]
    [InlineData("InProcess", DecoderKind.InProcess)]
    [InlineData(" libav ", DecoderKind.InProcess)]
    [InlineData("ffmpeg", DecoderKind.FfmpegProcess)]
    [InlineData("FfmpegProcess", DecoderKind.FfmpegProcess)]
    [InlineData("ffmpeg-process", DecoderKind.FfmpegProcess)]
    public void Kinds_parse_from_their_names_in_any_case(string text, DecoderKind expected) =>
        Assert.Equal(expected, AudioDecoders.ParseKind(text));

    [Theory]
    [InlineData("")]
    [InlineData("sox")]
    public void Unknown_kinds_do_not_parse(string text) => Assert.Null(AudioDecoders.ParseKind(text));

    [Fact]
    public void Each_kind_creates_its_decoder()
    {
        Assert.IsType<LibavDecoder>(AudioDecoders.Create(DecoderKind.InProcess));
        Assert.IsType<FfmpegDecoder>(AudioDecoders.Create(DecoderKind.FfmpegProcess));
    }
}

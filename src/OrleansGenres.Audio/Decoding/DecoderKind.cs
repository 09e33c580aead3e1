namespace OrleansGenres.Audio.Decoding;

/// <summary>Which decoder turns encoded audio into PCM (<see cref="AudioDecoders.Create"/>).</summary>
public enum DecoderKind
{
    /// <summary>
    /// libavformat/libavcodec/libswresample inside this process (<see cref="LibavDecoder"/>): the same samples as the
    /// ffmpeg command line, without starting a process per input (~0.09 s each on a 2-core machine).
    /// </summary>
    InProcess,

    /// <summary>The ffmpeg command line as a child process per input (<see cref="FfmpegDecoder"/>); the fallback.</summary>
    FfmpegProcess,
}

using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Decoding;

/// <summary>Turns encoded audio (any container/codec) into mono float32 PCM at a requested sample rate.</summary>
public interface IAudioDecoder
{
    /// <summary>Streams a file. The file is read as it is decoded; errors surface from the source's reads.</summary>
    IPcmSource OpenFile(string path, int sampleRate);

    /// <summary>
    /// Streams encoded bytes. Formats that keep their index at the end (MP4/M4A with a trailing moov atom) need a
    /// seekable file, and a cut-short MP3 can only be told from a short one by its file size: <see cref="LibavDecoder"/>
    /// copies the stream to a temporary file first; with <see cref="FfmpegDecoder"/>, which pipes it, write uploads
    /// to a file and use <see cref="OpenFile"/> where that matters.
    /// </summary>
    IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream");
}

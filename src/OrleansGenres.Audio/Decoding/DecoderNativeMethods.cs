using System.Runtime.InteropServices;
using OrleansGenres.Native;

namespace OrleansGenres.Audio.Decoding;

/// <summary>P/Invoke declarations of the gn_decoder_* functions of genres_native.h.</summary>
internal static partial class DecoderNativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_decoder_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, in DecoderOptionsNative options, out DecoderHandle decoder);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_decoder_read")]
    public static unsafe partial int Read(DecoderHandle decoder, float* output, long capacity, out long written);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_decoder_declared_seconds")]
    public static partial int DeclaredSeconds(DecoderHandle decoder, out double seconds);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_decoder_close")]
    public static partial void Close(IntPtr decoder);

    /// <summary>Layout of gn_decoder_options.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct DecoderOptionsNative
    {
        public int SampleRate;
        public int FailOnCorruption;
    }
}

using OrleansGenres.Native;

namespace OrleansGenres.Audio.Decoding;

/// <summary>Owns a native gn_decoder (an open input, its decoder and resampler).</summary>
internal sealed class DecoderHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        DecoderNativeMethods.Close(handle);
        return true;
    }
}

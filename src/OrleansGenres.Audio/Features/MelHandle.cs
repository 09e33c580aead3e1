using OrleansGenres.Native;

namespace OrleansGenres.Audio.Features;

/// <summary>Owns a native gn_mel.</summary>
internal sealed class MelHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        MelNativeMethods.Destroy(handle);
        return true;
    }
}

using System.Runtime.InteropServices;

namespace OrleansGenres.Audio.Features;

/// <summary>Owns a native gn_mel; released exactly once, even if its owner is never disposed.</summary>
internal sealed class MelHandle : SafeHandle
{
    public MelHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        MelNativeMethods.Destroy(handle);
        return true;
    }
}

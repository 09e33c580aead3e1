using System.Runtime.InteropServices;

namespace OrleansGenres.Native;

/// <summary>
/// Base of the handles to native objects (gn_mel, gn_model, gn_trainer): null is invalid, and each subclass says
/// only how its object is destroyed. The runtime releases it exactly once, even if its owner is never disposed.
/// </summary>
public abstract class NativeHandle : SafeHandle
{
    protected NativeHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;
}

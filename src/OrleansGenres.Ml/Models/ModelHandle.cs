using System.Runtime.InteropServices;

namespace OrleansGenres.Ml.Models;

/// <summary>Owns a native gn_model.</summary>
internal sealed class ModelHandle : SafeHandle
{
    public ModelHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        ModelNativeMethods.Destroy(handle);
        return true;
    }
}

using OrleansGenres.Native;

namespace OrleansGenres.Ml.Models;

/// <summary>Owns a native gn_model.</summary>
internal sealed class ModelHandle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        ModelNativeMethods.Destroy(handle);
        return true;
    }
}

using System.Text;

namespace OrleansGenres.Native;

/// <summary>libtorch's process-wide settings: thread count and what the runtime reports.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Loads the bridge, checks it, and configures the process once at start: libtorch's intra-op threads (it
    /// reports 1 on some machines unless told) and one BLAS thread (see runtime.cpp).
    /// </summary>
    /// <param name="threads">Threads to use; null or 0 means one per processor.</param>
    public static TorchRuntimeInfo Initialize(int? threads = null)
    {
        GenresNative.EnsureCompatible();
        var count = threads is > 0 ? threads.Value : Environment.ProcessorCount;
        NativeCall.Check(NativeMethods.RuntimeConfigure(count));
        return GetInfo();
    }

    public static unsafe TorchRuntimeInfo GetInfo()
    {
        GenresNative.EnsureCompatible();
        NativeCall.Check(NativeMethods.RuntimeGetInfo(out var info));
        var version = Encoding.ASCII.GetString(new ReadOnlySpan<byte>(info.TorchVersion, 32)).TrimEnd('\0');
        return new TorchRuntimeInfo(version, info.IntraOpThreads, info.CudaAvailable != 0, info.CudaDeviceCount, info.MkldnnAvailable != 0);
    }
}

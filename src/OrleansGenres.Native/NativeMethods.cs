using System.Runtime.InteropServices;

namespace OrleansGenres.Native;

/// <summary>P/Invoke declarations of the core of genres_native.h (errors, runtime). Feature areas declare their own.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_abi_version")]
    public static partial int AbiVersion();

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_last_error_message")]
    public static partial IntPtr LastErrorMessage();

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_runtime_get_info")]
    public static partial int RuntimeGetInfo(out RuntimeInfoNative info);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_runtime_configure")]
    public static partial int RuntimeConfigure(int threads);

    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct RuntimeInfoNative
    {
        public fixed byte TorchVersion[32];
        public int IntraOpThreads;
        public int CudaAvailable;
        public int CudaDeviceCount;
        public int MkldnnAvailable;
    }
}

using System.Runtime.InteropServices;

namespace OrleansGenres.Native;

/// <summary>P/Invoke declarations of the core of genres_native.h (ABI version, errors). Feature areas declare their own.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_abi_version")]
    public static partial int AbiVersion();

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_last_error_message")]
    public static partial IntPtr LastErrorMessage();
}

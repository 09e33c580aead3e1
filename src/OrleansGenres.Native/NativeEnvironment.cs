using System.Runtime.InteropServices;

namespace OrleansGenres.Native;

/// <summary>
/// Process environment libtorch must see before it loads. Debian's libtorch runs its intra-op threads on GNU
/// OpenMP, whose idle threads spin by default: with two libtorch processes on one machine (two workers, a test
/// run beside a training run) the spinning threads starve each other — measured 11 instead of 400 windows/s for a
/// small model. <c>OMP_WAIT_POLICY=PASSIVE</c> makes idle threads sleep. libgomp reads it once, when it is loaded
/// (the first call into genres_native), so <see cref="GenresNative.EnsureCompatible"/> — which every native object's
/// factory calls before anything else — runs <see cref="Prepare"/> first. A value the user set is kept.
/// </summary>
public static partial class NativeEnvironment
{
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    public static void Prepare()
    {
        // .NET keeps its own copy of the environment on Unix; the native one is what libgomp reads.
        if (GetEnv(WaitPolicyVariable) == IntPtr.Zero)
        {
            _ = SetEnv(WaitPolicyVariable, "PASSIVE", 0);
        }
    }

    /// <summary>A variable as native code sees it (.NET's own copy may differ on Unix).</summary>
    public static string? GetNative(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}

using System.Runtime.InteropServices;
using TorchSharp;

namespace OrleansGenres.Torch;

/// <summary>
/// Process-wide torch settings, applied before the first torch call (idempotent, so every entry point may call it).
/// OpenMP's wait policy is set to PASSIVE unless the environment already names one: with the default active spin, every
/// engine here (PyTorch too) is 3–6× slower on a busy 2-core machine (ARCHITECTURE.md §8). It goes through libc's
/// <c>setenv</c> because .NET keeps its own copy of the environment, which native code never reads.
/// </summary>
public static partial class TorchEnvironment
{
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>Sets the wait policy and, when given, libtorch's intra-op threads; returns the settings in force.</summary>
    public static TorchSettings Configure(int? threads = null)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(WaitPolicyVariable)))
        {
            SetNativeVariable(WaitPolicyVariable, "PASSIVE");
            Environment.SetEnvironmentVariable(WaitPolicyVariable, "PASSIVE");
        }

        if (threads is > 0)
        {
            torch.set_num_threads(threads.Value);
        }

        return new TorchSettings(torch.__version__, torch.get_num_threads(), ReadNativeVariable(WaitPolicyVariable) ?? "", torch.cuda.is_available());
    }

    /// <summary>The variable as native code (libtorch, OpenMP) sees it.</summary>
    public static string? ReadNativeVariable(string name) => Marshal.PtrToStringUTF8(getenv(name));

    private static void SetNativeVariable(string name, string value)
    {
        if (setenv(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}

/// <summary>What torch runs with: its version, intra-op threads, OpenMP wait policy (as native code reads it) and whether CUDA is usable.</summary>
public sealed record TorchSettings(string Version, int Threads, string WaitPolicy, bool CudaAvailable);

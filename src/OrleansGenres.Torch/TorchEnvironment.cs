using System.Runtime.InteropServices;
using TorchSharp;

namespace OrleansGenres.Torch;

/// <summary>
/// Process-wide torch settings, applied before the first torch call (idempotent, so every entry point may call it),
/// each only when the environment does not already name one. They go through libc's <c>setenv</c> because .NET keeps
/// its own copy of the environment, which native code never reads.
/// <list type="bullet">
/// <item>OpenMP's wait policy PASSIVE: with the default active spin, every engine here (PyTorch too) is 3–6× slower on
/// a busy 2-core machine (ARCHITECTURE.md §8).</item>
/// <item>oneDNN's instruction set capped at AVX2: libtorch 2.10's oneDNN 3.7.1 convolution backward-data kernels return
/// NaN input gradients once their output lands in reused memory — the AVX-512 ones for many shapes (2→8, 16→24, 24→40
/// channels: res-transformer's stages), the AVX2 ones only below 8 output channels (CBAM's 2→1 spatial convolution,
/// which therefore runs as 2→8 with zero weights, see SpatialAttention); the AVX and SSE4.1 ones never (measured here against float64
/// gradients, TorchEnvironmentTests). AVX2 over AVX, batch of 32: res-transformer and temporal-cnn steps ~20 % faster.</item>
/// <item>glibc's malloc keeps freed tensor memory instead of returning it: blocks up to 32 MB come from the heap, not a
/// fresh <c>mmap</c> each, and the heap is trimmed only above 1 GB free. libtorch's CPU allocator has no cache, so
/// every activation, gradient and oneDNN scratchpad was a new mapping whose pages fault in zeroed: training the default
/// model ran at 102 windows/s with half the CPU in the kernel, 299 windows/s with this (the retired C++ bridge: 287).
/// Skipped when GLIBC_TUNABLES names malloc settings.</item>
/// <item>libtorch's own log at errors only (TORCH_CPP_LOG_LEVEL=ERROR): its warnings are for developers ("Could not
/// initialize NNPACK! Reason: Unsupported hardware." on every convolution of a CPU without NNPACK support), not for a
/// service's stderr. libtorch reads the variable only in <c>c10::initLogging()</c>, which PyTorch calls on import and
/// TorchSharp never does, so it is called here (an exported free function without arguments: nothing crosses but the
/// call).</item>
/// </list>
/// </summary>
public static partial class TorchEnvironment
{
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    public const string OneDnnIsaVariable = "DNNL_MAX_CPU_ISA";

    public const string LogLevelVariable = "TORCH_CPP_LOG_LEVEL";

    /// <summary>
    /// What every entry point (the service, each `genres` verb) calls once at start: <see cref="Configure"/> with
    /// libtorch's intra-op threads, null or 0 meaning one per processor.
    /// </summary>
    public static TorchSettings Initialize(int? threads = null) => Configure(threads is > 0 ? threads : Environment.ProcessorCount);

    /// <summary>Sets the wait policy and, when given, libtorch's intra-op threads; returns the settings in force.</summary>
    public static TorchSettings Configure(int? threads = null)
    {
        SetDefault(WaitPolicyVariable, "PASSIVE");
        SetDefault(LogLevelVariable, "ERROR");
        c10_initLogging();
        if (string.IsNullOrEmpty(ReadNativeVariable("ONEDNN_MAX_CPU_ISA")))
        {
            SetDefault(OneDnnIsaVariable, "AVX2");
        }

        KeepFreedMemory();
        if (threads is > 0)
        {
            torch.set_num_threads(threads.Value);
        }

        return new TorchSettings(
            torch.__version__, torch.get_num_threads(), ReadNativeVariable(WaitPolicyVariable) ?? "", ReadNativeVariable(OneDnnIsaVariable) ?? "", torch.cuda.is_available());
    }

    /// <summary>The variable as native code (libtorch, OpenMP) sees it.</summary>
    public static string? ReadNativeVariable(string name) => Marshal.PtrToStringUTF8(getenv(name));

    /// <summary>Sets the variable for native code and for .NET unless it is set already.</summary>
    private static void SetDefault(string name, string value)
    {
        if (!string.IsNullOrEmpty(ReadNativeVariable(name)))
        {
            return;
        }

        if (setenv(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    private static void KeepFreedMemory()
    {
        const int TrimThreshold = -1, MmapThreshold = -3; // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in malloc.h
        if (ReadNativeVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc", StringComparison.Ordinal) == true)
        {
            return;
        }

        // mallopt returns 1 on success; a libc without it (not glibc) keeps its defaults, which is only slower.
        _ = mallopt(MmapThreshold, 32 << 20);
        _ = mallopt(TrimThreshold, 1 << 30);
    }

    [LibraryImport("c10", EntryPoint = "_ZN3c1011initLoggingEv")]
    private static partial void c10_initLogging();

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}

/// <summary>What torch runs with: its version, intra-op threads, OpenMP wait policy and oneDNN's ISA cap (as native code reads them), and whether CUDA is usable.</summary>
public sealed record TorchSettings(string Version, int Threads, string WaitPolicy, string OneDnnIsa, bool CudaAvailable);

namespace OrleansGenres.Native.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Initialize_reports_libtorch_and_applies_the_thread_count()
    {
        var info = TorchRuntime.Initialize(1);
        Assert.Equal(1, info.IntraOpThreads);

        info = TorchRuntime.Initialize(2);
        Assert.Equal(2, info.IntraOpThreads);
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.TorchVersion);
        Assert.Equal(info.CudaAvailable, info.CudaDeviceCount > 0);
    }

    [Fact]
    public void Loaded_library_has_the_abi_this_build_expects()
    {
        GenresNative.EnsureCompatible();
    }
}

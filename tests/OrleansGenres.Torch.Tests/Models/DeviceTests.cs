using OrleansGenres.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Models;

/// <summary>cpu / cuda / auto from configuration: auto falls back to the CPU, an explicit cuda without one is a clear error.</summary>
public sealed class DeviceTests
{
    [Fact]
    public void Auto_uses_cuda_only_when_it_is_there_and_cpu_is_always_the_cpu()
    {
        Assert.Equal(DeviceType.CPU, Devices.Resolve(DeviceChoice.Cpu, cudaAvailable: true));
        Assert.Equal(DeviceType.CPU, Devices.Resolve(DeviceChoice.Auto, cudaAvailable: false));
        Assert.Equal(DeviceType.CUDA, Devices.Resolve(DeviceChoice.Auto, cudaAvailable: true));
        Assert.Equal(DeviceType.CUDA, Devices.Resolve(DeviceChoice.Cuda, cudaAvailable: true));
    }

    [Fact]
    public void Asking_for_cuda_without_one_says_so_and_auto_builds_on_the_cpu()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Devices.Resolve(DeviceChoice.Cuda, cudaAvailable: false));
        Assert.Contains("no usable CUDA device", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cpu' or 'auto'", error.Message, StringComparison.Ordinal);

        // This machine (and CI) has no GPU: auto builds a working CPU network; cuda is refused before anything is built.
        Assert.False(cuda.is_available());
        using var network = Networks.Create(new NetworkOptions { Classes = 2, NMels = 16, Device = DeviceChoice.Auto });
        Assert.Equal(DeviceType.CPU, network.Device.type);
        using var scope = NewDisposeScope();
        Assert.Equal([1L, 2L], network.Forward(zeros(1, 1, 16, 8)).shape);
        Assert.Throws<InvalidOperationException>(() => Networks.Create(new NetworkOptions { Classes = 2, NMels = 16, Device = DeviceChoice.Cuda }));
    }
}

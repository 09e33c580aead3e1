using TorchSharp;

namespace OrleansGenres.Torch.Models;

/// <summary>Where a network runs, as configuration names it: <c>cpu</c>, <c>cuda</c>, or <c>auto</c> (CUDA when usable).</summary>
public enum DeviceChoice
{
    Cpu,
    Cuda,
    Auto,
}

/// <summary>Resolves a <see cref="DeviceChoice"/> against what this process can use.</summary>
public static class Devices
{
    /// <summary>
    /// The kind of device to run on (a <c>torch.Device</c> of CUDA can only be made where CUDA is). Auto falls back to the CPU when CUDA is absent (the usual case on CPU nodes); asking for
    /// CUDA where there is none is an error that says so and how to get it, never a silent CPU run.
    /// </summary>
    public static DeviceType Resolve(DeviceChoice choice, bool? cudaAvailable = null)
    {
        TorchEnvironment.Configure();
        var cuda = cudaAvailable ?? TorchSharp.torch.cuda.is_available();
        return choice switch
        {
            DeviceChoice.Cpu => DeviceType.CPU,
            DeviceChoice.Auto => cuda ? DeviceType.CUDA : DeviceType.CPU,
            DeviceChoice.Cuda when cuda => DeviceType.CUDA,
            DeviceChoice.Cuda => throw new InvalidOperationException(
                "device 'cuda' was asked for, but this process has no usable CUDA device (TorchSharp's CPU libtorch is "
                + "installed; GPU images swap in the CUDA package): use device 'cpu' or 'auto'"),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "device must be cpu, cuda or auto"),
        };
    }
}

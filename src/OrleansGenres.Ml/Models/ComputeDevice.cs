namespace OrleansGenres.Ml.Models;

/// <summary>Where a model runs (values match GN_DEVICE_*). Auto picks CUDA when libtorch can use it.</summary>
public enum ComputeDevice
{
    Cpu = 0,
    Cuda = 1,
    Auto = 2,
}

namespace OrleansGenres.Native;

/// <summary>What the loaded libtorch offers.</summary>
public sealed record TorchRuntimeInfo(
    string TorchVersion,
    int IntraOpThreads,
    bool CudaAvailable,
    int CudaDeviceCount,
    bool MkldnnAvailable);

using OrleansGenres.Torch.Features;

namespace OrleansGenres.Torch.Tests;

/// <summary>The process-wide torch settings: OpenMP's passive wait policy reaches native code, threads are applied.</summary>
public sealed class TorchEnvironmentTests
{
    [Fact]
    public void Torch_loads_with_the_passive_wait_policy_and_the_requested_threads()
    {
        var settings = TorchEnvironment.Configure(threads: 1);

        Assert.StartsWith("2.10", settings.Version, StringComparison.Ordinal);
        Assert.Equal(1, settings.Threads);
        // Read back through libc's getenv: what OpenMP reads, not .NET's copy of the environment.
        Assert.Equal("PASSIVE", settings.WaitPolicy, ignoreCase: true);
        Assert.False(settings.CudaAvailable); // CI has no GPU

        using var frontEnd = TorchLogMel.Create(Audio.Features.MelOptions.Torchaudio);
        Assert.Equal(80, frontEnd.Compute(new float[16000]).NMels);
    }
}

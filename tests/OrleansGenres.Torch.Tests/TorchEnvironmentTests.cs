using OrleansGenres.Audio.Features;
using OrleansGenres.Torch.Features;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests;

/// <summary>
/// The process-wide torch settings: OpenMP's passive wait policy and oneDNN's AVX cap reach native code, threads are
/// applied, and with them a few-output-channel convolution's input gradient stays finite step after step.
/// </summary>
public sealed class TorchEnvironmentTests
{
    [Fact]
    public void Torch_loads_with_the_passive_wait_policy_the_isa_cap_and_the_requested_threads()
    {
        var settings = TorchEnvironment.Configure(threads: 1);

        Assert.StartsWith("2.10", settings.Version, StringComparison.Ordinal);
        Assert.Equal(1, settings.Threads);
        // Read back through libc's getenv: what OpenMP and oneDNN read, not .NET's copy of the environment.
        Assert.Equal("PASSIVE", settings.WaitPolicy, ignoreCase: true);
        Assert.Equal("AVX", settings.OneDnnIsa, ignoreCase: true);
        Assert.False(settings.CudaAvailable); // CI has no GPU
        using var frontEnd = LogMelExtractor.Create(MelOptions.Torchaudio);
        Assert.Equal(80, frontEnd.Compute(new float[16000]).NMels);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(4, 3)]
    public void A_convolution_with_few_output_channels_keeps_finite_input_gradients_in_reused_memory(int outputs, int kernel)
    {
        // CBAM's spatial attention shape (2 → 1, 7×7): with oneDNN's AVX2/AVX-512 kernels this went NaN within a few
        // hundred steps once freed memory was reused (each step's dispose scope frees at once).
        TorchEnvironment.Configure();
        var generator = new Generator(1);
        using var conv = nn.Conv2d(2, outputs, kernel, padding: kernel / 2, bias: false);
        using var input = randn([16, 2, 12, 12], generator: generator);
        for (var step = 0; step < 1000; step++)
        {
            using var scope = NewDisposeScope();
            var x = input.clone().requires_grad_(true);
            (conv.call(x) * randn([16, outputs, 12, 12], generator: generator)).sum().backward();
            Assert.True(x.grad!.isfinite().all().to_type(ScalarType.Int32).item<int>() == 1, $"non-finite input gradient at step {step}");
        }
    }
}

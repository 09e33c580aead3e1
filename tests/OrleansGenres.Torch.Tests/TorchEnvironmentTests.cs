using TorchSharp;
using OrleansGenres.Audio.Features;
using OrleansGenres.Torch.Features;
using OrleansGenres.Torch.Models;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests;

/// <summary>
/// The process-wide torch settings: OpenMP's passive wait policy and oneDNN's AVX2 cap reach native code, threads are
/// applied, and under that cap the convolutions our networks train keep exact, finite input gradients step after step.
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
        Assert.Equal("AVX2", settings.OneDnnIsa, ignoreCase: true);
        Assert.False(settings.CudaAvailable); // CI has no GPU
        using var frontEnd = LogMelExtractor.Create(MelOptions.Torchaudio);
        Assert.Equal(80, frontEnd.Compute(new float[16000]).NMels);
    }

    [Theory]
    [InlineData(16, 24, 3, 2)] // res-transformer's stages
    [InlineData(24, 40, 3, 2)]
    [InlineData(32, 64, 3, 2)] // the spectrogram CNN's
    [InlineData(64, 128, 3, 2)]
    [InlineData(16, 8, 3, 2)]
    [InlineData(128, 128, 5, 1)] // the temporal CNN's
    public void Convolutions_of_our_networks_shapes_have_the_float64_input_gradient_step_after_step(int inputs, int outputs, int kernel, int dimensions)
    {
        // oneDNN's AVX2 backward-data kernels went NaN for fewer than 8 output channels once freed memory was reused (each
        // step's dispose scope frees at once); its AVX-512 ones also for 16 → 24 and 24 → 40. Capped at AVX2, every shape
        // with at least 8 outputs must give float64's gradient.
        TorchEnvironment.Configure();
        var generator = new Generator(1);
        long[] map = dimensions == 2 ? [12, 12] : [48];
        using var weight = randn([outputs, inputs, .. Enumerable.Repeat((long)kernel, dimensions)], generator: generator) * 0.1;
        using var input = randn([16, inputs, .. map], generator: generator);
        Tensor Convolve(Tensor x, Tensor w) => dimensions == 2
            ? nn.functional.conv2d(x, w, padding: [kernel / 2, kernel / 2])
            : nn.functional.conv1d(x, w, padding: kernel / 2);
        for (var step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            var upstream = randn([16, outputs, .. map], generator: generator);
            var x = input.clone().requires_grad_(true);
            (Convolve(x, weight) * upstream).sum().backward();
            var exact = input.to_type(ScalarType.Float64).requires_grad_(true);
            (Convolve(exact, weight.to_type(ScalarType.Float64)) * upstream.to_type(ScalarType.Float64)).sum().backward();
            var error = ((x.grad!.to_type(ScalarType.Float64) - exact.grad!).abs().max() / exact.grad!.abs().max()).item<double>();
            Assert.True(error < 1e-5, $"input gradient off by {error:E1} (relative) at step {step}");
        }
    }

    [Fact]
    public void Cbam_spatial_attention_keeps_finite_input_gradients_in_reused_memory()
    {
        // Its 2 → 1 convolution is a shape oneDNN's AVX2 kernels break within a few hundred steps; it runs as 2 → 8.
        TorchEnvironment.Configure();
        var generator = new Generator(1);
        using var attention = new SpatialAttention();
        using var exact = new SpatialAttention();
        exact.load_state_dict(attention.state_dict());
        exact.to(ScalarType.Float64);
        using var input = randn([16, 8, 12, 12], generator: generator);
        for (var step = 0; step < 400; step++)
        {
            using var scope = NewDisposeScope();
            var upstream = randn([16, 8, 12, 12], generator: generator);
            var x = input.clone().requires_grad_(true);
            (attention.call(x) * upstream).sum().backward();
            Assert.True(x.grad!.isfinite().all().to_type(ScalarType.Int32).item<int>() == 1, $"non-finite input gradient at step {step}");
            if (step % 50 == 0)
            {
                var reference = input.to_type(ScalarType.Float64).requires_grad_(true);
                (exact.call(reference) * upstream.to_type(ScalarType.Float64)).sum().backward();
                var error = ((x.grad!.to_type(ScalarType.Float64) - reference.grad!).abs().max() / reference.grad!.abs().max()).item<double>();
                Assert.True(error < 1e-5, $"input gradient off by {error:E1} (relative) at step {step}");
            }
        }
    }
}

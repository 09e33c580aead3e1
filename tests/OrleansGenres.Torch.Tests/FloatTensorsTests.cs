using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests;

public sealed class FloatTensorsTests
{
    [Fact]
    public void A_span_becomes_a_float32_tensor_of_the_shape_with_the_same_values_in_order()
    {
        var values = Enumerable.Range(0, 24).Select(i => i * 0.5f).ToArray();

        using var tensor = FloatTensors.FromSpan(values.AsSpan(), [2, 3, 4]);

        Assert.Equal([2L, 3, 4], tensor.shape);
        Assert.Equal(ScalarType.Float32, tensor.dtype);
        Assert.Equal(values, tensor.data<float>().ToArray());
        Assert.Equal(11.5f, tensor[1, 2, 3].item<float>());
    }

    [Fact]
    public void Values_that_do_not_fill_the_shape_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FloatTensors.FromSpan(new float[5], [2, 3]));

        Assert.Contains("5 values", error.Message, StringComparison.Ordinal);
    }
}

using static TorchSharp.torch;

namespace OrleansGenres.Torch;

/// <summary>
/// Float buffers in and out of tensors with one copy each way. <c>torch.tensor(float[])</c> needs an array, so a span
/// went through <c>ToArray()</c> first and was copied twice; the batches at the service's boundary are megabytes.
/// </summary>
public static class FloatTensors
{
    /// <summary>A new CPU float32 tensor of <paramref name="shape"/> holding <paramref name="values"/> (in the caller's dispose scope).</summary>
    public static Tensor FromSpan(ReadOnlySpan<float> values, ReadOnlySpan<long> shape)
    {
        var result = empty(shape, ScalarType.Float32);
        if (result.numel() != values.Length)
        {
            result.Dispose();
            throw new ArgumentException($"{values.Length} values do not fill a tensor of shape [{string.Join(", ", shape.ToArray())}]", nameof(values));
        }

        using var accessor = result.data<float>();
        accessor.CopyFrom(values, 0, 0);
        return result;
    }
}

using System.Buffers;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// One training batch: inputs [Count, NMels, Frames] and targets (class ids, or [Count, Classes] 0/1), in arrays rented
/// from the shared pool and returned by <see cref="Dispose"/> once the training step has used them; and each item's
/// label ids, for training metrics.
/// </summary>
public sealed class TrainingBatch(float[] inputs, int inputLength, float[] targets, int targetLength, IReadOnlyList<IReadOnlyList<int>> labelIds) : IDisposable
{
    public int Count => LabelIds.Count;

    public IReadOnlyList<IReadOnlyList<int>> LabelIds { get; } = labelIds;

    public ReadOnlySpan<float> Inputs => inputs.AsSpan(0, inputLength);

    public ReadOnlySpan<float> Targets => targets.AsSpan(0, targetLength);

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(inputs);
        ArrayPool<float>.Shared.Return(targets);
    }
}

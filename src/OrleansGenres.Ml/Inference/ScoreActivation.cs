using System.Numerics.Tensors;

namespace OrleansGenres.Ml.Inference;

/// <summary>Logits → probabilities in place, row by row: softmax for single-label models, sigmoid for multi-label.</summary>
public static class ScoreActivation
{
    public static void Apply(Span<float> logits, int rows, int classes, bool multiLabel)
    {
        for (var i = 0; i < rows; i++)
        {
            var row = logits.Slice(i * classes, classes);
            if (multiLabel)
            {
                TensorPrimitives.Sigmoid(row, row);
            }
            else
            {
                TensorPrimitives.SoftMax(row, row);
            }
        }
    }
}

using static TorchSharp.torch;

namespace OrleansGenres.Torch.Training;

/// <summary>The training losses: cross-entropy for single-label data; for multi-label data BCE or the asymmetric focal loss.</summary>
public enum LossKind
{
    CrossEntropy,

    /// <summary>Binary cross-entropy per tag, positives optionally weighted per class (rare tags count more).</summary>
    Bce,

    /// <summary>Asymmetric focal loss (Ridnik et al., 2021).</summary>
    AsymmetricFocal,
}

/// <summary>
/// Which loss, with its settings: class weights (cross-entropy: each class's weight; BCE: each tag's positive weight),
/// and the asymmetric focal loss's γ+, γ− and probability margin.
/// </summary>
public sealed record LossSettings
{
    public LossKind Kind { get; init; } = LossKind.CrossEntropy;

    public float[]? ClassWeights { get; init; }

    public double GammaPositive { get; init; }

    public double GammaNegative { get; init; } = 4.0;

    public double Clip { get; init; } = 0.05;
}

/// <summary>The losses over logits <c>[batch, classes]</c>; targets are class ids <c>[batch]</c> (long) or rows <c>[batch, classes]</c> (float).</summary>
public static class Losses
{
    public static Tensor Compute(LossSettings settings, Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var weights = settings.ClassWeights is { } w ? tensor(w).to(logits.device) : null;
        return settings.Kind switch
        {
            LossKind.CrossEntropy => CrossEntropy(logits, targets, weights),
            LossKind.Bce => nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: weights),
            LossKind.AsymmetricFocal => AsymmetricFocal(logits, targets, settings.GammaPositive, settings.GammaNegative, settings.Clip),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "unknown loss"),
        };
    }

    /// <summary>
    /// Cross-entropy over class ids, or over probability rows (mixed-up batches): −Σ t·log_softmax per item. With class
    /// weights an item weighs Σ t·w and the mean is weighted, which is exactly torch's weighted mean for one-hot rows.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, Tensor? classWeights = null)
    {
        if (targets.dim() == 1)
        {
            return nn.functional.cross_entropy(logits, targets, weight: classWeights);
        }

        var perItem = -(targets * logits.log_softmax(1)).sum([1]);
        if (classWeights is null)
        {
            return perItem.mean();
        }

        var itemWeights = (targets * classWeights).sum([1]);
        return (perItem * itemWeights).sum() / itemWeights.sum();
    }

    /// <summary>
    /// Positives weighted by (1−p)^γ+, negatives by p_m^γ− with p_m = max(p − clip, 0), so easy negatives (most tags are
    /// absent) stop dominating. Summed over classes, averaged over the batch.
    /// </summary>
    public static Tensor AsymmetricFocal(Tensor logits, Tensor targets, double gammaPositive, double gammaNegative, double clip)
    {
        const double epsilon = 1e-8;
        var p = logits.sigmoid();
        var pNegative = clip > 0 ? (p - clip).clamp_min(0) : p;
        var positive = targets * (1 - p).pow(gammaPositive) * p.clamp_min(epsilon).log();
        var negative = (1 - targets) * pNegative.pow(gammaNegative) * (1 - pNegative).clamp_min(epsilon).log();
        return -(positive + negative).sum([1]).mean();
    }
}

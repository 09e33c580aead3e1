namespace OrleansGenres.Ml.Training;

/// <summary>Training losses (values match GN_LOSS_*).</summary>
public enum LossKind
{
    /// <summary>Single-label: softmax cross-entropy.</summary>
    CrossEntropy = 0,

    /// <summary>Multi-label: BCE with logits, optional per-class positive weights from label frequencies.</summary>
    Bce = 1,

    /// <summary>Multi-label: asymmetric focal loss (separate focusing for positives/negatives, margin on negatives).</summary>
    AsymmetricFocal = 2,
}

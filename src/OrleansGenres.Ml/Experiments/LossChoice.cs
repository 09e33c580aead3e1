namespace OrleansGenres.Ml.Experiments;

/// <summary>An experiment's loss; <see cref="Auto"/> is cross-entropy for single-label data and BCE for multi-label.</summary>
public enum LossChoice
{
    Auto,
    CrossEntropy,
    Bce,
    AsymmetricFocal,
}

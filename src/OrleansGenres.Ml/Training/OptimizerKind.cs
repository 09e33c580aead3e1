namespace OrleansGenres.Ml.Training;

/// <summary>Optimisers (values match GN_OPTIMIZER_*). AdamW decouples weight decay from the gradient step.</summary>
public enum OptimizerKind
{
    Adam = 0,
    AdamW = 1,
}

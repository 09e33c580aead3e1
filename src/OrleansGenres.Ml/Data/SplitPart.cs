namespace OrleansGenres.Ml.Data;

/// <summary>Which part of a split an entry belongs to, as a manifest's <c>split</c> column names it.</summary>
public enum SplitPart
{
    Train,
    Validation,
    Test,
}

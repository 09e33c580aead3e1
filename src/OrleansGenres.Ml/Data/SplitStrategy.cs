namespace OrleansGenres.Ml.Data;

/// <summary>Where a split's test set comes from.</summary>
public enum SplitStrategy
{
    /// <summary>The manifest's <c>split</c> column if it has one, else its <c>fold</c> column, else <see cref="Ratio"/>.</summary>
    Auto,

    /// <summary>The manifest's <c>split</c> column: train, validation/val/valid, test.</summary>
    Column,

    /// <summary>The manifest's <c>fold</c> column: test is one fold, train the others.</summary>
    Fold,

    /// <summary>A seeded, stratified fraction of the entries.</summary>
    Ratio,
}

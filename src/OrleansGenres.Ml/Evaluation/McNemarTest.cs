using MathNet.Numerics.Distributions;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>McNemar's exact (binomial) test for two models' accuracy on the same tracks.</summary>
public static class McNemarTest
{
    /// <summary>Test from per-track correctness of model A and model B (same tracks, same order).</summary>
    public static McNemarResult Exact(IReadOnlyList<bool> correctA, IReadOnlyList<bool> correctB)
    {
        ArgumentNullException.ThrowIfNull(correctA);
        ArgumentNullException.ThrowIfNull(correctB);
        if (correctA.Count != correctB.Count)
        {
            throw new ArgumentException(
                $"Model A has {correctA.Count} tracks, model B {correctB.Count}.", nameof(correctB));
        }

        int both = 0, onlyA = 0, onlyB = 0, neither = 0;
        for (var i = 0; i < correctA.Count; i++)
        {
            switch (correctA[i], correctB[i])
            {
                case (true, true): both++; break;
                case (true, false): onlyA++; break;
                case (false, true): onlyB++; break;
                default: neither++; break;
            }
        }

        return new McNemarResult(both, onlyA, onlyB, neither, PValue(onlyA, onlyB));
    }

    /// <summary>Test from the 2×2 table of (A correct?, B correct?) counts.</summary>
    public static McNemarResult Exact(int bothCorrect, int onlyACorrect, int onlyBCorrect, int bothWrong)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bothCorrect);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyACorrect);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyBCorrect);
        ArgumentOutOfRangeException.ThrowIfNegative(bothWrong);
        return new McNemarResult(
            bothCorrect, onlyACorrect, onlyBCorrect, bothWrong, PValue(onlyACorrect, onlyBCorrect));
    }

    /// <summary>min(1, 2·P(X ≤ min(b, c))) for X ~ Binomial(b + c, 1/2), as statsmodels' mcnemar(exact=True).</summary>
    private static double PValue(int b, int c)
    {
        var n = b + c;
        return n == 0 ? 1.0 : Math.Min(1.0, 2.0 * Binomial.CDF(0.5, n, Math.Min(b, c)));
    }
}

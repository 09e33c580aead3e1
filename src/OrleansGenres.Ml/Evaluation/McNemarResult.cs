namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// McNemar's exact test of two models' per-track correctness. Only the discordant tracks (one model right, the other
/// wrong) carry information; under the null hypothesis of equal accuracy each is equally likely to favour either
/// model, so <see cref="OnlyACorrect"/> ~ Binomial(discordant, 1/2).
/// </summary>
/// <param name="PValue">Two-sided exact p-value: min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, 1/2); 1 when b + c = 0.</param>
public sealed record McNemarResult(int BothCorrect, int OnlyACorrect, int OnlyBCorrect, int BothWrong, double PValue)
{
    public int Discordant => OnlyACorrect + OnlyBCorrect;
}

using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class McNemarTestTests
{
    [Fact]
    public void Exact_p_value_of_a_known_table()
    {
        // 10 tracks only A got right, 2 only B: n = 12, p = 2·P(X ≤ 2), X ~ Bin(12, 1/2)
        //   = 2·(C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2·(1 + 12 + 66)/4096 = 158/4096 = 0.03857421875
        // (scipy 1.10.1 binomtest(2, 12).pvalue gives the same)
        var result = McNemarTest.Exact(bothCorrect: 50, onlyACorrect: 10, onlyBCorrect: 2, bothWrong: 8);

        Assert.Equal(0.03857421875, result.PValue, 1e-12);
        Assert.Equal(12, result.Discordant);
    }

    [Theory]
    [InlineData(25, 12, 0.04703102743951604)] // scipy 1.10.1 binomtest(12, 37).pvalue
    [InlineData(12, 25, 0.04703102743951604)] // symmetric
    [InlineData(0, 5, 0.0625)]                // 2·(1/2)^5
    [InlineData(7, 7, 1.0)]                   // 2·P(X ≤ 7) > 1, clipped
    [InlineData(1, 0, 1.0)]                   // 2·P(X ≤ 0) = 2·1/2 = 1
    [InlineData(0, 0, 1.0)]                   // no discordant track: no evidence
    public void Exact_p_values_match_scipy(int onlyA, int onlyB, double expected)
    {
        Assert.Equal(expected, McNemarTest.Exact(3, onlyA, onlyB, 4).PValue, 1e-12);
    }

    [Fact]
    public void Table_is_counted_from_per_track_correctness()
    {
        bool[] a = [true, true, false, false, true];
        bool[] b = [true, false, true, false, false];

        var result = McNemarTest.Exact(a, b);

        Assert.Equal((1, 2, 1, 1), (result.BothCorrect, result.OnlyACorrect, result.OnlyBCorrect, result.BothWrong));
        Assert.Equal(1.0, result.PValue); // 2·P(X ≤ 1), X ~ Bin(3, 1/2) = 2·4/8 = 1
        Assert.Throws<ArgumentException>(() => McNemarTest.Exact(a, [true]));
    }
}

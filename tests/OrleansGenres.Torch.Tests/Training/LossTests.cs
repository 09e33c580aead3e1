using OrleansGenres.Torch.Training;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Training;

/// <summary>The losses against their definitions, computed by hand on small examples.</summary>
public sealed class LossTests
{
    private static readonly float[,] LogitValues = { { 2f, -1f, 0.5f }, { -0.3f, 0.8f, 1.7f } };

    [Fact]
    public void Cross_entropy_with_class_weights_is_the_weighted_mean_of_minus_log_softmax()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(LogitValues);
        var targets = tensor(new long[] { 0, 2 });
        float[] weights = [1f, 1f, 3f];

        var loss = Losses.Compute(new LossSettings { ClassWeights = weights }, logits, targets).item<float>();

        var expected = ((1 * -LogSoftmax(0, 0)) + (3 * -LogSoftmax(1, 2))) / (1 + 3);
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void Cross_entropy_over_one_hot_rows_equals_cross_entropy_over_class_ids_with_and_without_weights()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(LogitValues);
        var ids = tensor(new long[] { 0, 2 });
        var rows = tensor(new float[,] { { 1, 0, 0 }, { 0, 0, 1 } });
        foreach (var weights in new[] { null, new[] { 1f, 2f, 0.5f } })
        {
            var settings = new LossSettings { ClassWeights = weights };
            Assert.Equal(Losses.Compute(settings, logits, ids).item<float>(), Losses.Compute(settings, logits, rows).item<float>(), 5);
        }
    }

    [Fact]
    public void Bce_weighs_each_tags_positives()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(LogitValues);
        var targets = tensor(new float[,] { { 1, 0, 1 }, { 0, 1, 0 } });
        float[] positiveWeights = [2f, 1f, 4f];

        var loss = Losses.Compute(new LossSettings { Kind = LossKind.Bce, ClassWeights = positiveWeights }, logits, targets).item<float>();

        double total = 0;
        for (var i = 0; i < 2; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var p = Sigmoid(LogitValues[i, c]);
                var t = (double)targets[i, c].item<float>();
                total += -((positiveWeights[c] * t * Math.Log(p)) + ((1 - t) * Math.Log(1 - p)));
            }
        }

        Assert.Equal(total / 6, loss, 5);
    }

    [Fact]
    public void Asymmetric_focal_loss_follows_its_definition_and_without_focusing_is_bce_summed_over_tags()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(LogitValues);
        var targets = tensor(new float[,] { { 1, 0, 1 }, { 0, 1, 0 } });
        var settings = new LossSettings { Kind = LossKind.AsymmetricFocal, GammaPositive = 1, GammaNegative = 4, Clip = 0.05 };

        var loss = Losses.Compute(settings, logits, targets).item<float>();

        double total = 0;
        for (var i = 0; i < 2; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var p = Sigmoid(LogitValues[i, c]);
                var pm = Math.Max(p - 0.05, 0);
                total += targets[i, c].item<float>() == 1
                    ? -Math.Pow(1 - p, 1) * Math.Log(p)
                    : -Math.Pow(pm, 4) * Math.Log(1 - pm);
            }
        }

        Assert.Equal(total / 2, loss, 5);
        var plain = Losses.Compute(settings with { GammaPositive = 0, GammaNegative = 0, Clip = 0 }, logits, targets).item<float>();
        var bce = Losses.Compute(new LossSettings { Kind = LossKind.Bce }, logits, targets).item<float>();
        Assert.Equal(bce * 3, plain, 5);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double LogSoftmax(int row, int column)
    {
        var max = Enumerable.Range(0, 3).Max(c => LogitValues[row, c]);
        var sum = Enumerable.Range(0, 3).Sum(c => Math.Exp(LogitValues[row, c] - max));
        return LogitValues[row, column] - max - Math.Log(sum);
    }
}

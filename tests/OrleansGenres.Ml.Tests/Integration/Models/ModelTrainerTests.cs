using System.Security.Cryptography;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Tests.Integration.Models;

public sealed class ModelTrainerTests
{
    private const int Classes = 3, NMels = 24, Frames = 16, Batch = 8;

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_with_the_same_weights_as_an_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        var (inputs, labels) = SyntheticSpectrograms.Make(48, Classes, NMels, Frames, seed: 9);
        var options = new TrainerOptions
        {
            Schedule = ScheduleKind.Cosine,
            Epochs = 3,
            SpecAugment = new SpecAugmentOptions { FrequencyMasks = 1, FrequencyMaskWidth = 4, TimeMasks = 1, TimeMaskWidth = 3, FrequencyShift = 2, TimeStretch = 0.2 },
            Seed = 11,
        };

        var straight = Train(temp.File("straight.pt"), options, inputs, labels, epochs: 3, resumeAfter: null, temp);
        var resumed = Train(temp.File("resumed.pt"), options, inputs, labels, epochs: 3, resumeAfter: 1, temp);
        var different = Train(temp.File("different.pt"), options with { Seed = 12 }, inputs, labels, epochs: 3, resumeAfter: null, temp);

        Assert.Equal(straight, resumed);
        Assert.NotEqual(straight, different);
    }

    [Fact]
    public void Cross_entropy_takes_probability_rows_and_one_hot_rows_equal_class_ids()
    {
        var (inputs, labels) = SyntheticSpectrograms.Make(Batch, Classes, NMels, Frames, seed: 4);
        using var model = TaggingModel.Create(new NetworkOptions { Classes = Classes, NMels = NMels, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy });
        var ids = labels.Select(label => (float)label).ToArray();
        var oneHot = new float[Batch * Classes];
        var mixed = new float[Batch * Classes];
        for (var i = 0; i < Batch; i++)
        {
            oneHot[(i * Classes) + labels[i]] = 1;
            mixed[(i * Classes) + labels[i]] += 0.7f;
            mixed[(i * Classes) + ((labels[i] + 1) % Classes)] += 0.3f;
        }

        var logits = new float[Batch * Classes];
        var byId = trainer.Evaluate(inputs, Batch, Frames, ids, logits);
        var byRow = trainer.Evaluate(inputs, Batch, Frames, oneHot);
        var byMix = trainer.Evaluate(inputs, Batch, Frames, mixed);

        // Soft cross-entropy by hand: mean over items of -sum_c t_c log softmax(z)_c.
        var expected = 0.0;
        for (var i = 0; i < Batch; i++)
        {
            var row = logits.AsSpan(i * Classes, Classes);
            var max = row.ToArray().Max();
            var logSum = Math.Log(row.ToArray().Sum(z => Math.Exp(z - max))) + max;
            for (var c = 0; c < Classes; c++)
            {
                expected -= mixed[(i * Classes) + c] * (row[c] - logSum);
            }
        }

        Assert.Equal(byId, byRow, 5);
        Assert.Equal(expected / Batch, byMix, 4);
        Assert.Throws<ArgumentException>(() => trainer.Evaluate(inputs, Batch, Frames, new float[Batch + 1]));
    }

    [Fact]
    public void Class_weighted_cross_entropy_is_the_weighted_mean_by_hand_for_ids_and_rows()
    {
        var (inputs, labels) = SyntheticSpectrograms.Make(Batch, Classes, NMels, Frames, seed: 5);
        float[] weights = [0.5f, 2f, 1.25f];
        using var model = TaggingModel.Create(new NetworkOptions { Classes = Classes, NMels = NMels, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy, ClassWeights = weights });
        var ids = labels.Select(label => (float)label).ToArray();
        var mixed = new float[Batch * Classes];
        for (var i = 0; i < Batch; i++)
        {
            mixed[(i * Classes) + labels[i]] += 0.6f;
            mixed[(i * Classes) + ((labels[i] + 2) % Classes)] += 0.4f;
        }

        var logits = new float[Batch * Classes];
        var byId = trainer.Evaluate(inputs, Batch, Frames, ids, logits);
        var byMix = trainer.Evaluate(inputs, Batch, Frames, mixed);

        // By hand: item loss -sum_c t_c log softmax(z)_c, item weight sum_c t_c w_c, weighted mean over items.
        double Expected(Func<int, int, double> target)
        {
            double sum = 0, weightSum = 0;
            for (var i = 0; i < Batch; i++)
            {
                var row = logits.AsSpan(i * Classes, Classes).ToArray();
                var logSum = Math.Log(row.Sum(z => Math.Exp(z - row.Max()))) + row.Max();
                double loss = 0, weight = 0;
                for (var c = 0; c < Classes; c++)
                {
                    loss -= target(i, c) * (row[c] - logSum);
                    weight += target(i, c) * weights[c];
                }

                sum += weight * loss;
                weightSum += weight;
            }

            return sum / weightSum;
        }

        Assert.Equal(Expected((i, c) => c == labels[i] ? 1 : 0), byId, 4);
        Assert.Equal(Expected((i, c) => mixed[(i * Classes) + c]), byMix, 4);
        using (var unweighted = ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy }))
        {
            Assert.True(Math.Abs(unweighted.Evaluate(inputs, Batch, Frames, ids) - byId) > 1e-4, "the weights must change the loss");
        }

        Assert.Throws<ArgumentException>(() => ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.AsymmetricFocal, ClassWeights = weights }));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy, ClassWeights = [1f, 0f, 1f] }));
    }

    [Fact]
    public void Plateau_schedule_halves_the_rate_after_patience_runs_out()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 2, NMels = 16, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { LearningRate = 1e-2, Schedule = ScheduleKind.Plateau, PlateauPatience = 1, PlateauFactor = 0.5 });

        Assert.Equal(1e-2, trainer.EndEpoch(1.0)); // best so far
        Assert.Equal(1e-2, trainer.EndEpoch(1.0)); // 1 bad epoch = patience
        Assert.Equal(5e-3, trainer.EndEpoch(1.0)); // 2 > patience: halve
        Assert.Equal(5e-3, trainer.EndEpoch(0.5)); // improvement resets
    }

    [Fact]
    public void Cosine_schedule_anneals_to_the_minimum()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 2, NMels = 16, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { LearningRate = 1e-2, MinLearningRate = 0, Schedule = ScheduleKind.Cosine, Epochs = 4 });

        Assert.Equal(1e-2 * (1 + Math.Cos(Math.PI / 4)) / 2, trainer.EndEpoch(0), 12);
        Assert.Equal(5e-3, trainer.EndEpoch(0), 12);
        trainer.EndEpoch(0);
        Assert.Equal(0, trainer.EndEpoch(0), 12);
    }

    [Theory]
    [InlineData(LossKind.Bce)]
    [InlineData(LossKind.AsymmetricFocal)]
    public void Multi_label_losses_learn_every_tag(LossKind loss)
    {
        // Two independent tags: band 0 loud and/or band 1 loud.
        const int tags = 2, n = 96;
        var random = new Random(4);
        var inputs = new float[n * NMels * Frames];
        var targets = new float[n * tags];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < tags; t++)
            {
                targets[(i * tags) + t] = random.Next(2);
            }

            for (var m = 0; m < NMels; m++)
            {
                var loud = (m < NMels / 2 ? targets[i * tags] : targets[(i * tags) + 1]) > 0;
                for (var f = 0; f < Frames; f++)
                {
                    inputs[(((i * NMels) + m) * Frames) + f] = (float)((random.NextDouble() - 0.5) + (loud ? 1.5 : 0));
                }
            }
        }

        using var model = TaggingModel.Create(new NetworkOptions { Classes = tags, NMels = NMels, Dropout = 0.1, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { Loss = loss, LearningRate = 3e-3, ClassWeights = loss == LossKind.Bce ? [1f, 1f] : null });
        var first = trainer.Evaluate(inputs.AsSpan(64 * NMels * Frames), 32, Frames, targets.AsSpan(64 * tags));
        for (var epoch = 0; epoch < 6; epoch++)
        {
            for (var start = 0; start < 64; start += Batch)
            {
                trainer.Step(inputs.AsSpan(start * NMels * Frames, Batch * NMels * Frames), Batch, Frames, targets.AsSpan(start * tags, Batch * tags));
            }
        }

        var logits = new float[32 * tags];
        var last = trainer.Evaluate(inputs.AsSpan(64 * NMels * Frames), 32, Frames, targets.AsSpan(64 * tags), logits);
        var correct = logits.Select((l, i) => (l > 0) == (targets[(64 * tags) + i] > 0) ? 1.0 : 0.0).Average();
        Assert.True(last < first, $"held-out loss {first:0.###} → {last:0.###}");
        Assert.True(correct >= 0.85, $"held-out tag accuracy {correct:P0} (chance 50 %)");
    }

    [Fact]
    public void Positive_weights_must_match_the_class_count()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 3, NMels = 16, Device = DeviceChoice.Cpu });
        Assert.Throws<ArgumentException>(() => ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.Bce, ClassWeights = [1f] }));
    }

    // Trains `epochs` epochs, optionally stopping after `resumeAfter` epochs and continuing in a fresh model and
    // trainer from the checkpoint (as a new process would); returns a hash of the final weights' predictions.
    private static string Train(string weightsPath, TrainerOptions options, float[] inputs, int[] labels, int epochs, int? resumeAfter, TempDirectory temp)
    {
        var modelOptions = new NetworkOptions { Classes = Classes, NMels = NMels, Dropout = 0.3, Device = DeviceChoice.Cpu, Seed = 3 };
        var model = TaggingModel.Create(modelOptions);
        var trainer = ModelTrainer.Create(model, options);
        try
        {
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                if (epoch == resumeAfter)
                {
                    var checkpoint = temp.File($"checkpoint-{Guid.NewGuid():N}.pt");
                    trainer.SaveCheckpoint(checkpoint);
                    trainer.Dispose();
                    model.Dispose();
                    model = TaggingModel.Create(modelOptions with { Seed = 99 }); // different init: the checkpoint must overwrite it
                    trainer = ModelTrainer.Create(model, options);
                    trainer.LoadCheckpoint(checkpoint);
                }

                for (var start = 0; start < labels.Length; start += Batch)
                {
                    trainer.Step(inputs.AsSpan(start * NMels * Frames, Batch * NMels * Frames), Batch, Frames, labels.AsSpan(start, Batch).ToArray().Select(l => (float)l).ToArray());
                }

                trainer.EndEpoch(validationLoss: 1.0 / (epoch + 1));
            }

            model.Save(weightsPath);
            var probe = SyntheticSpectrograms.Make(4, Classes, NMels, Frames, seed: 77).Inputs;
            var predictions = model.Predict(probe, 4, Frames);
            return Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(predictions.AsSpan())));
        }
        finally
        {
            trainer.Dispose();
            model.Dispose();
        }
    }
}

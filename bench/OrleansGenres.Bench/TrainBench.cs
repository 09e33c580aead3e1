using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Bench;

/// <summary>
/// Training and inference windows/s per model on random 4-second log-mel windows through the service's own path
/// (TaggingModel / ModelTrainer over TorchSharp, float buffers in and out), and the same network's step in PyTorch
/// (Debian's python3-torch, bench/pytorch/train_step.py, a child process) in alternating rounds: both with the passive
/// OpenMP wait policy, glibc malloc keeping freed memory and one thread per core. The headline is the median over rounds
/// of each round's ours/PyTorch step time, so the machine's swings between rounds cancel out: against PyTorch with
/// oneDNN capped as ours is (TorchEnvironment: the engines on the same kernels), and against PyTorch uncapped (what the
/// cap costs).
/// </summary>
internal static class TrainBench
{
    private const int Batch = 32;
    private const int Frames = 173; // 4 s at 22050 Hz, hop 512

    private sealed record Case(string Name, NetworkArchitecture Architecture, bool Attention, int NMels, int Classes);

    private sealed record PyTorchResult(double TrainSeconds, double InferSeconds, int Parameters, string Torch);

    public static IReadOnlyList<BenchResult> Run(bool quick)
    {
        var torch = TorchEnvironment.Initialize(null);
        Console.WriteLine($"torch {torch.Version}, {torch.Threads} threads, OMP_WAIT_POLICY={torch.WaitPolicy}, oneDNN ISA cap {torch.OneDnnIsa}");
        var cases = new List<Case>
        {
            new("cnn", NetworkArchitecture.Cnn, false, 64, 10),
            new("cnn-cbam", NetworkArchitecture.Cnn, true, 64, 10),
            new("res-transformer", NetworkArchitecture.ResTransformer, false, 80, 10),
            new("temporal-cnn", NetworkArchitecture.TemporalCnn, false, 128, 10),
        };
        if (!quick)
        {
            cases.Add(new("resnet18", NetworkArchitecture.ResNet18, false, 64, 10));
        }

        var (rounds, steps) = quick ? (2, 5) : (5, 10);
        var results = new List<BenchResult>();
        foreach (var c in cases)
        {
            var ratios = new List<double>();
            var uncappedRatios = new List<double>();
            var ours = new List<(double Train, double Infer)>();
            PyTorchResult? reference = null;
            long parameters = 0;
            for (var round = 0; round < rounds; round++)
            {
                reference = RunPyTorch(c, steps, torch.OneDnnIsa);
                var uncapped = RunPyTorch(c, steps, null);
                var (train, infer, count) = Ours(c, steps);
                parameters = count;
                ours.Add((train, infer));
                if (reference is not null)
                {
                    ratios.Add(train / reference.TrainSeconds);
                }

                if (uncapped is not null)
                {
                    uncappedRatios.Add(train / uncapped.TrainSeconds);
                }
            }

            var trainRate = Batch / Measure.Median(ours.Select(o => o.Train));
            var inferRate = Batch / Measure.Median(ours.Select(o => o.Infer));
            var ratio = reference is null
                ? "PyTorch not measured (apt install python3-torch)"
                : $"ours/PyTorch step time {Measure.Median(ratios):F2} at the same oneDNN cap {torch.OneDnnIsa} (rounds {Rounds(ratios)}), {Measure.Median(uncappedRatios):F2} against PyTorch uncapped (rounds {Rounds(uncappedRatios)}); torch {reference.Torch}";
            results.Add(new BenchResult($"train step {c.Name} [{Batch}x{c.NMels}x{Frames}]", trainRate * 4, null,
                $"{trainRate:F0} windows/s; {parameters:N0} params; {ratio}"));
            results.Add(new BenchResult($"inference {c.Name} [{Batch}x{c.NMels}x{Frames}]", inferRate * 4, null, $"{inferRate:F0} windows/s"));
        }

        results.Add(EpochFeeding(quick));
        return results;
    }

    /// <summary>Median seconds of one training step and one inference batch, through TaggingModel and ModelTrainer.</summary>
    private static (double Train, double Infer, long Parameters) Ours(Case c, int steps)
    {
        using var model = TaggingModel.Create(new NetworkOptions { Architecture = c.Architecture, Attention = c.Attention, Classes = c.Classes, NMels = c.NMels, Device = DeviceChoice.Cpu, Dropout = 0.3 });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy, Optimizer = OptimizerKind.AdamW });
        var random = new Random(1);
        var inputs = new float[Batch * c.NMels * Frames];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)((random.NextDouble() * 80) - 80);
        }

        var targets = Enumerable.Range(0, Batch).Select(i => (float)(i % c.Classes)).ToArray();
        var logits = new float[Batch * c.Classes];
        var train = Measure.MedianSeconds(steps, () => trainer.Step(inputs, Batch, Frames, targets));
        var infer = Measure.MedianSeconds(steps, () => model.Predict(inputs, Batch, Frames, logits));
        return (train, infer, model.ParameterCount);
    }

    /// <summary>
    /// A whole epoch as `genres train` runs it — windows read from compressed .npz feature files, shuffled, batched on
    /// a background task, stepped on the torch thread — against the same number of bare steps on one
    /// in-memory batch. The ratio is what the C# side adds; it must stay near 1 (the step never waits).
    /// </summary>
    private static BenchResult EpochFeeding(bool quick)
    {
        const int nMels = 80, tracks = 96, windowsPerTrack = 8;
        var directory = Path.Combine(Path.GetTempPath(), "orleansgenres-bench", "epoch-features");
        Directory.CreateDirectory(directory);
        var random = new Random(3);
        var perWindow = nMels * Frames;
        var items = new List<TrackItem>();
        for (var t = 0; t < tracks; t++)
        {
            var path = Path.Combine(directory, $"track-{t:D3}.npz");
            if (!File.Exists(path))
            {
                var data = new float[windowsPerTrack * perWindow];
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = (float)((random.NextDouble() * 80) - 80);
                }

                using var npz = NpzWriter.Create(path);
                npz.WriteFloat32("windows", data, windowsPerTrack, nMels, Frames);
                npz.WriteFloat32("starts", new float[windowsPerTrack], windowsPerTrack);
                npz.WriteFloat32("ends", new float[windowsPerTrack], windowsPerTrack);
            }

            var entry = new DatasetEntry { RelativePath = $"t{t}", FullPath = path, Labels = [(t % 10).ToString(CultureInfo.InvariantCulture)] };
            items.Add(new TrackItem(entry, new CachedFeatures($"{t:x16}", path, windowsPerTrack, nMels, Frames), [t % 10]));
        }

        using var model = TaggingModel.Create(new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, Classes = 10, NMels = nMels, Device = DeviceChoice.Cpu });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { Loss = LossKind.CrossEntropy });
        using var torchThread = new TorchThread();
        var batches = new EpochBatches(items, classes: 10, multiLabel: false, Batch, maxWindowsPerTrack: null, seed: 1);
        var logits = new float[Batch * 10];
        var steps = 0;
        var epochSeconds = Measure.MedianSeconds(quick ? 1 : 3, () =>
        {
            steps = 0;
            var reader = batches.Start(1, CancellationToken.None);
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    using (batch)
                    {
                        torchThread.RunAsync(() => trainer.Step(batch.Inputs, batch.Count, Frames, batch.Targets, logits.AsSpan(0, batch.Count * 10))).GetAwaiter().GetResult();
                        steps++;
                    }
                }
            }
        });
        var inputs = new float[Batch * perWindow];
        var targets = Enumerable.Range(0, Batch).Select(i => (float)(i % 10)).ToArray();
        var stepSeconds = Measure.MedianSeconds(quick ? 3 : 9, () => torchThread.RunAsync(() => trainer.Step(inputs, Batch, Frames, targets)).GetAwaiter().GetResult());
        var windows = tracks * windowsPerTrack;
        return new BenchResult($"train epoch res-transformer from .npz ({windows} windows)", windows / epochSeconds * 4, null,
            $"{windows / epochSeconds:F0} windows/s; epoch / ({steps} bare steps) = {epochSeconds / (steps * stepSeconds):F2}");
    }

    private static string Rounds(IEnumerable<double> ratios) => string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>
    /// The same network's step and inference in PyTorch; <paramref name="oneDnnCap"/> caps its oneDNN instruction set as
    /// ours is (the engines compared on the same kernels), null leaves it uncapped (what the cap costs us: PyTorch 1.13's
    /// older oneDNN has no NaN bug in its AVX-512 kernels).
    /// </summary>
    private static PyTorchResult? RunPyTorch(Case c, int steps, string? oneDnnCap)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch", "train_step.py");
        // Debian's interpreter: python3-torch lives in its dist-packages (libtorch 1.13; ours is TorchSharp's 2.10).
        var startInfo = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Ours runs with TorchEnvironment's settings; PyTorch gets the same, so the ratio compares the engines: the
        // passive OpenMP wait policy, and glibc malloc keeping freed memory (without it PyTorch 1.13 pays page faults on
        // every activation and runs ~2-3x slower here, which would flatter us).
        startInfo.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        startInfo.Environment["GLIBC_TUNABLES"] = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824";
        startInfo.Environment.Remove(TorchEnvironment.OneDnnIsaVariable); // inherited from this process's settings
        if (!string.IsNullOrEmpty(oneDnnCap))
        {
            startInfo.Environment[TorchEnvironment.OneDnnIsaVariable] = oneDnnCap;
        }

        foreach (var argument in new[] { script, "--arch", c.Name, "--mels", c.NMels.ToString(CultureInfo.InvariantCulture), "--frames", Frames.ToString(CultureInfo.InvariantCulture), "--batch", Batch.ToString(CultureInfo.InvariantCulture), "--classes", c.Classes.ToString(CultureInfo.InvariantCulture), "--steps", steps.ToString(CultureInfo.InvariantCulture), "--threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"PyTorch reference failed for {c.Name}: {error.Trim().Split('\n').LastOrDefault()}");
                return null;
            }

            return JsonSerializer.Deserialize<PyTorchResult>(output.Trim().Split('\n').Last(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

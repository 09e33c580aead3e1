using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;
using static TorchSharp.torch;

// `./build.sh bench torch-train [--rounds N] [--steps N]`: per model, alternating rounds of PyTorch (Debian's
// python3-torch, bench/pytorch/train_step.py, a child process) and this engine (in process), same batch of 32 random
// 4-second windows, same threads, passive OpenMP wait policy; the headline is the median over rounds of each round's
// ours/PyTorch training-step time, so the machine's swings between rounds cancel out.
var rounds = Option("--rounds", 3);
var steps = Option("--steps", 10);
const int Threads = 2, Batch = 32, Frames = 173, Classes = 10;
var settings = TorchEnvironment.Configure(Threads);
Console.WriteLine($"torch {settings.Version}, {settings.Threads} threads, OMP_WAIT_POLICY={settings.WaitPolicy}, DNNL_MAX_CPU_ISA={settings.OneDnnIsa}; {rounds} rounds of {steps} steps");

(string Name, NetworkOptions Options)[] models =
[
    ("cnn", new NetworkOptions { Architecture = NetworkArchitecture.Cnn, NMels = 64, Classes = Classes }),
    ("cnn-cbam", new NetworkOptions { Architecture = NetworkArchitecture.Cnn, Attention = true, NMels = 64, Classes = Classes }),
    ("res-transformer", new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, NMels = 80, Classes = Classes }),
    ("temporal-cnn", new NetworkOptions { Architecture = NetworkArchitecture.TemporalCnn, NMels = 128, Classes = Classes }),
];

var rows = new List<object>();
Console.WriteLine($"{"model",-16} {"params",10} {"ours s/step",12} {"PyTorch s/step",15} {"ours/PyTorch",13} {"ours infer w/s",15}");
foreach (var (name, options) in models)
{
    var ratios = new List<double>();
    var ours = new List<double>();
    var theirs = new List<double>();
    var inference = new List<double>();
    long parameters = 0;
    for (var round = 0; round < rounds; round++)
    {
        var pytorch = await PyTorchAsync(name, options.NMels, steps);
        var (train, infer, count) = Ours(options, steps);
        parameters = count;
        ours.Add(train);
        theirs.Add(pytorch);
        inference.Add(Batch / infer);
        ratios.Add(train / pytorch);
    }

    var row = new { model = name, parameters, oursSeconds = Median(ours), pytorchSeconds = Median(theirs), ratio = Median(ratios), ratios, inferenceWindowsPerSecond = Median(inference) };
    rows.Add(row);
    Console.WriteLine($"{name,-16} {parameters,10:N0} {row.oursSeconds,12:0.000} {row.pytorchSeconds,15:0.000} {row.ratio,13:0.00} {row.inferenceWindowsPerSecond,15:0}");
}

var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(results);
var file = Path.GetFullPath(Path.Combine(results, $"torch-train-{DateTime.UtcNow:yyyyMMddTHHmmss}.json"));
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { settings, rounds, steps, rows }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written {file}");
return 0;

static (double TrainSeconds, double InferSeconds, long Parameters) Ours(NetworkOptions options, int steps)
{
    using var network = Networks.Create(options);
    using var trainer = new NetworkTrainer(network, new TrainerSettings());
    using var data = NewDisposeScope();
    var inputs = (rand([Batch, 1, options.NMels, Frames], generator: new Generator(1)) * 80) - 80;
    var targets = arange(Batch) % Classes;
    var train = MedianSeconds(steps, () =>
    {
        using var scope = NewDisposeScope();
        trainer.Step(inputs, targets);
    });
    var infer = MedianSeconds(steps, () =>
    {
        using var scope = NewDisposeScope();
        trainer.Evaluate(inputs, targets);
    });
    return (train, infer, network.ParameterCount);
}

static async Task<double> PyTorchAsync(string arch, int mels, int steps)
{
    var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pytorch", "train_step.py"), "--arch", arch, "--mels", $"{mels}", "--steps", $"{steps}", "--threads", $"{Threads}" })
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
    using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
    var output = await process.StandardOutput.ReadToEndAsync();
    var error = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"train_step.py --arch {arch} failed: {error}");
    }

    return JsonDocument.Parse(output).RootElement.GetProperty("trainSeconds").GetDouble();
}

static double MedianSeconds(int repeats, Action action)
{
    action(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    return Median(times);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

using System.CommandLine;
using System.Text.Json;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch;

namespace OrleansGenres.Cli.Commands;

/// <summary>
/// `genres train --dataset d --config c --out dir`: one experiment into a model folder; with --cross-validate one per
/// fold (out/fold-K) and a summary; a sweep config trains every variant (out/&lt;variant&gt;) and compares them.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = MlOptions.Dataset();
        var config = new Option<string>("--config", "-c") { Description = "A built-in config name (see `genres configs`) or a JSON file.", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Model folder to write (checkpoints go to out/checkpoints).", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var testFold = new Option<int?>("--test-fold") { Description = "Hold out this fold of the dataset's fold column as test." };
        var crossValidate = new Option<bool>("--cross-validate") { Description = "Train once per fold (each held out in turn) and summarise." };
        var epochs = new Option<int?>("--epochs") { Description = "Override the config's epoch count." };
        var seed = new Option<long?>("--seed") { Description = "Override the config's training seed." };
        var cache = MlOptions.Cache();
        var command = new Command("train", "Train a model on a dataset with an experiment config; evaluate it on the test tracks.")
        {
            dataset, config, output, resume, testFold, crossValidate, epochs, seed, cache,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            var experiment = ExperimentConfigCatalog.Resolve(parseResult.GetValue(config)!);
            if (parseResult.GetValue(epochs) is { } epochCount)
            {
                experiment = experiment with { Training = experiment.Training with { Epochs = epochCount } };
            }

            if (parseResult.GetValue(seed) is { } seedValue)
            {
                experiment = experiment with { Training = experiment.Training with { Seed = seedValue } };
            }

            var data = await MlOptions.LoadDatasetAsync(parseResult.GetValue(dataset)!, cancellationToken);
            var outDirectory = parseResult.GetValue(output)!.FullName;
            var runner = new ExperimentRunner(MlOptions.CacheRoot(parseResult.GetValue(cache)), CommonOptions.CreateDecoder(parseResult), new CliLogger(console.Error));
            var run = new Run(console, runner, data, parseResult.GetValue(resume));
            if (experiment.IsSweep)
            {
                await run.SweepAsync(experiment, outDirectory, parseResult.GetValue(testFold), cancellationToken);
            }
            else if (parseResult.GetValue(crossValidate))
            {
                await run.CrossValidateAsync(experiment, outDirectory, cancellationToken);
            }
            else
            {
                var outcome = await run.OneAsync(experiment, outDirectory, parseResult.GetValue(testFold), cancellationToken);
                console.Out.Write(outcome.TestReport?.Text ?? "no test tracks: nothing evaluated\n");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private sealed class Run(CliConsole console, ExperimentRunner runner, Dataset dataset, bool resume)
    {
        public async Task<ExperimentOutcome> OneAsync(ExperimentConfig config, string outDirectory, int? testFold, CancellationToken cancellationToken)
        {
            var interactive = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
            var progress = new TrainingProgressView(console.Error, interactive, TrackMetric.NameFor(dataset.IsMultiLabel));
            var features = new Progress<(int Done, int Total)>(p =>
            {
                if (interactive)
                {
                    console.Error.Write($"\r\u001b[2Kfeatures {p.Done}/{p.Total}");
                }
            });
            console.Error.WriteLine($"training {config.Name} on {dataset.Source} -> {outDirectory}");
            var outcome = await runner.RunAsync(dataset, config, outDirectory, resume, testFold, progress, features, cancellationToken: cancellationToken);
            var training = outcome.Card.Training!;
            console.Error.WriteLine(
                $"{config.Name}: {training.EpochsRun} epochs in {training.Seconds:F0} s ({training.WindowsPerSecond:F0} windows/s), best epoch {training.BestEpoch}" +
                $"{(training.StoppedEarly ? " (stopped early)" : string.Empty)}, {outcome.Card.ParameterCount:N0} parameters; model: {outDirectory}");
            return outcome;
        }

        public async Task CrossValidateAsync(ExperimentConfig config, string outDirectory, CancellationToken cancellationToken)
        {
            if (dataset.Folds.Count < 2)
            {
                throw new ArgumentException($"{dataset.Source} has no fold column with two or more folds to cross-validate over");
            }

            var results = new List<(int, EvaluationReport)>();
            foreach (var fold in dataset.Folds)
            {
                var outcome = await OneAsync(config, Path.Combine(outDirectory, $"fold-{fold}"), fold, cancellationToken);
                results.Add((fold, outcome.TestReport!));
                console.Error.WriteLine($"fold {fold}: accuracy {outcome.TestReport!.Accuracy:F4}, balanced accuracy {outcome.TestReport.BalancedAccuracy:F4}, weighted F1 {outcome.TestReport.F1Weighted:F4}");
            }

            var summary = CrossValidationSummary.Create(config.Name, results);
            Directory.CreateDirectory(outDirectory);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "cross-validation.json"), JsonSerializer.Serialize(summary, ExperimentJson.Options), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "cross-validation.txt"), summary.Format(), cancellationToken);
            console.Out.Write(summary.Format());
        }

        public async Task SweepAsync(ExperimentConfig sweep, string outDirectory, int? testFold, CancellationToken cancellationToken)
        {
            var predictions = new List<TrackPredictions>();
            foreach (var variant in sweep.ExpandVariants())
            {
                var outcome = await OneAsync(variant, Path.Combine(outDirectory, variant.Name), testFold, cancellationToken);
                predictions.Add(outcome.TestPredictions ?? throw new ArgumentException($"{variant.Name}: no test tracks to compare on"));
            }

            var comparison = ModelComparisonReport.Create(predictions);
            Directory.CreateDirectory(outDirectory);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "comparison.json"), JsonSerializer.Serialize(comparison, ExperimentJson.Options), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "comparison.txt"), comparison.Text, cancellationToken);
            console.Out.Write(comparison.Text);
        }
    }
}

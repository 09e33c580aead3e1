using System.CommandLine;
using System.Text.Json;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres compare --dataset d --model a --model b …`: models on the same test tracks, bootstrap means and paired tests.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var models = new Option<string[]>("--model", "-m") { Description = "Model folders (two or more).", Required = true, AllowMultipleArgumentsPerToken = false };
        var dataset = MlOptions.Dataset();
        var split = MlOptions.Split();
        var fold = MlOptions.Fold();
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => Bootstrap.DefaultResamples };
        var json = CommonOptions.Json();
        var cache = MlOptions.Cache();
        var command = new Command("compare", "Compare two or more models on the same tracks: bootstrap intervals, paired tests, p-values.")
        {
            models, dataset, split, fold, bootstrap, json, cache,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            var folders = parseResult.GetValue(models)!;
            if (folders.Length < 2)
            {
                throw new ArgumentException("compare needs two or more --model folders");
            }

            if (parseResult.GetValue(bootstrap) < ModelComparer.MinResamples)
            {
                throw new ArgumentException($"--bootstrap must be at least {ModelComparer.MinResamples}");
            }

            using var torchThread = new TorchThread();
            var data = await MlOptions.LoadDatasetAsync(parseResult.GetValue(dataset)!, cancellationToken);
            var compared = new List<ComparedModel>(folders.Length);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                // Two folders may hold models of the same name; the folder tells them apart.
                var cardName = ModelDirectory.ReadCard(folder).Name;
                var name = names.Add(cardName) ? cardName : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
                names.Add(name);
                compared.Add(new ComparedModel(name, folder));
            }

            var report = await ModelComparer.CompareAsync(
                data, compared, MlOptions.CacheRoot(parseResult.GetValue(cache)), CommonOptions.CreateDecoder(parseResult),
                parseResult.GetValue(split), parseResult.GetValue(fold), parseResult.GetValue(bootstrap), torchThread, cancellationToken);
            console.Out.Write(parseResult.GetValue(json) ? JsonSerializer.Serialize(report, ExperimentJson.Options) + "\n" : report.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}

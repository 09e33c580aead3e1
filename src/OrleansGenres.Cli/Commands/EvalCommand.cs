using System.CommandLine;
using System.Text.Json;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres eval --model dir --dataset d`: the model's classification report on a part of a dataset.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model folder (model.json + model.pt).", Required = true };
        var dataset = MlOptions.Dataset();
        var split = MlOptions.Split();
        var fold = MlOptions.Fold();
        var json = CommonOptions.Json();
        var cache = MlOptions.Cache();
        var command = new Command("eval", "Evaluate a model on a dataset's test part (or another part or fold).") { model, dataset, split, fold, json, cache };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            using var torchThread = new TorchThread();
            var data = await MlOptions.LoadDatasetAsync(parseResult.GetValue(dataset)!, cancellationToken);
            using var predictor = await torchThread.RunAsync(() => TrackPredictor.Load(parseResult.GetValue(model)!), cancellationToken);
            var tracks = await EvaluationTracks.PrepareAsync(
                data, predictor.Card, MlOptions.CacheRoot(parseResult.GetValue(cache)), CommonOptions.CreateDecoder(parseResult), parseResult.GetValue(split), parseResult.GetValue(fold), cancellationToken);
            foreach (var failure in tracks.Failures)
            {
                console.Error.WriteLine($"warning: left out {failure.Entry.RelativePath}: {failure.Error}");
            }

            var predictions = await ModelEvaluator.PredictAsync(predictor, tracks.Tracks, torchThread, cancellationToken: cancellationToken);
            var report = EvaluationReport.Create(predictions, tracks.TrainTruth, [.. tracks.Tracks.Select(t => t.Entry.Extra)]);
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(report, ExperimentJson.Options));
            }
            else
            {
                console.Out.WriteLine($"{predictor.Card.Name} on {data.Source}, {tracks.Description}");
                console.Out.Write(report.Text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres tag files…`: each file's tags with scores and its per-window timeline, with a trained or the default model.</summary>
internal static class TagCommand
{
    private sealed record FileTags(string File, string Model, string Aggregation, IReadOnlyList<TagScore> Tags, IReadOnlyList<WindowTags> Windows);

    private sealed record WindowTags(double Start, double End, IReadOnlyList<TagScore> Top);

    public static Command Create(CliConsole console)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Audio files (any format ffmpeg reads).", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Model folder (default: $GENRES_MODEL or the shipped default model)." };
        var aggregate = new Option<Aggregation?>("--aggregate") { Description = "Mean or Max over windows (default: the model's)." };
        var topK = new Option<int>("--top-k") { Description = "Tags to show per file and per window.", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.Json();
        var command = new Command("tag", "Tag audio files: scores per label for the track and for every window.") { files, model, aggregate, topK, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            var k = parseResult.GetValue(topK);
            if (k < 1)
            {
                throw new ArgumentException("--top-k must be at least 1");
            }

            using var torchThread = new TorchThread();
            var folder = DefaultModel.Resolve(parseResult.GetValue(model));
            using var predictor = await torchThread.RunAsync(() => TrackPredictor.Load(folder), cancellationToken);
            var decoder = CommonOptions.CreateDecoder(parseResult);
            var results = new List<FileTags>();
            foreach (var file in parseResult.GetValue(files)!)
            {
                var prediction = await predictor.TagFileAsync(file.FullName, decoder, torchThread, parseResult.GetValue(aggregate), cancellationToken);
                var windows = prediction.Windows.Select(w => new WindowTags(w.StartSeconds, w.EndSeconds, Top(predictor, w.Scores, k))).ToArray();
                results.Add(new FileTags(file.Name, predictor.Card.Name, prediction.Aggregation.ToString().ToLowerInvariant(), [.. prediction.Tags.Take(k)], windows));
            }

            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(results, ExperimentJson.Options));
                return ExitCodes.Success;
            }

            foreach (var result in results)
            {
                console.Out.WriteLine($"{result.File}  ({result.Model}, {result.Aggregation} over {result.Windows.Count} windows)");
                foreach (var tag in result.Tags)
                {
                    console.Out.WriteLine($"  {(tag.Assigned ? "*" : " ")} {tag.Label,-20} {tag.Score.ToString("F3", CultureInfo.InvariantCulture)}");
                }

                foreach (var window in result.Windows)
                {
                    console.Out.WriteLine($"    {window.Start,7:F1}-{window.End,-7:F1} {string.Join("  ", window.Top.Select(t => $"{t.Label} {t.Score.ToString("F2", CultureInfo.InvariantCulture)}"))}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static TagScore[] Top(TrackPredictor predictor, IReadOnlyList<float> scores, int k)
    {
        var assigned = predictor.Assign([.. scores]);
        return [.. scores.Select((score, c) => new TagScore(predictor.Card.Labels[c], score, assigned[c])).OrderByDescending(t => t.Score).Take(k)];
    }
}

using System.Globalization;
using System.Text;
using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Inference;

/// <summary>
/// <c>MODEL_CARD.md</c>: the card for people — what the model tags, how it was made (so anyone can make it again)
/// and how well it does — rendered from <c>model.json</c> and the test report.
/// </summary>
public static class ModelCardMarkdown
{
    public const string FileName = "MODEL_CARD.md";

    public static string Render(ModelCard card, EvaluationReport? report)
    {
        ArgumentNullException.ThrowIfNull(card);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# {card.Name}");
        text.AppendLine();
        text.AppendLine(c, $"{(card.MultiLabel ? "Multi-label" : "Single-label")} audio tagger: {card.Labels.Count} labels ({string.Join(", ", card.Labels)}).");
        text.AppendLine();
        text.AppendLine("## How it was made");
        text.AppendLine();
        if (card.Dataset is { } dataset)
        {
            text.AppendLine(c, $"- Data: `{dataset.Name}` version `{dataset.Version}`: {dataset.TrainTracks} train / {dataset.ValidationTracks} validation / {dataset.TestTracks} test tracks{(dataset.TestFold is { } fold ? $", test fold {fold}" : string.Empty)}.");
            text.AppendLine(c, $"- Command: `genres train --dataset <{dataset.Name}> --config {card.Config?.Name ?? "<config>"} --out <dir>`{(dataset.TestFold is { } f ? $" `--test-fold {f}`" : string.Empty)} (the full config is in `model.json` under `config`).");
        }

        text.AppendLine(c, $"- Network: `{card.Model.Architecture}`{(card.Model.Attention ? " with CBAM attention" : string.Empty)}, {card.ParameterCount:N0} parameters, input {card.Model.NMels} mels × {card.FrontEnd.FramesPerWindow} frames.");
        text.AppendLine(c, $"- Front end: {card.FrontEnd.Mel.SampleRate} Hz, n_fft {card.FrontEnd.Mel.NFft}, hop {card.FrontEnd.Mel.HopLength}, {card.FrontEnd.Mel.Scale} mel scale, normalisation {card.FrontEnd.Mel.Normalization}; windows of {card.FrontEnd.Windowing.WindowSeconds} s every {card.FrontEnd.Windowing.HopSeconds} s, {card.Aggregation.ToString().ToLowerInvariant()} over windows.");
        if (card.Training is { } training)
        {
            text.AppendLine(c, $"- Training: {training.EpochsRun} epochs in {training.Seconds:F0} s on {training.Device} ({training.WindowsPerSecond:F0} windows/s); weights of epoch {training.BestEpoch} (best validation metric){(training.StoppedEarly ? ", stopped early" : string.Empty)}.");
        }

        text.AppendLine(c, $"- Weights: `{card.WeightsFile}`, SHA-256 `{card.WeightsSha256}`.");
        if (report is not null)
        {
            text.AppendLine();
            text.AppendLine(c, $"## Test results ({report.Tracks} tracks)");
            text.AppendLine();
            text.AppendLine("```");
            text.Append(report.Text);
            text.AppendLine("```");
        }

        return text.ToString();
    }
}

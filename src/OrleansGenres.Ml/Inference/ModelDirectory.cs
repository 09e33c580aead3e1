using System.Security.Cryptography;
using System.Text.Json;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Inference;

/// <summary>
/// A model on disk: a folder with <c>model.pt</c> (weights, a PyTorch state dict) and <c>model.json</c> (<see cref="ModelCard"/>). The card
/// is written last and names the weights' hash, so a folder is either a complete model or has no card.
/// </summary>
public static class ModelDirectory
{
    public const string WeightsFileName = "model.pt";
    public const string CardFileName = "model.json";

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, CardFileName));

    /// <summary>Writes the weights and the card (with the weights' hash); returns the card as written.</summary>
    public static ModelCard Save(string directory, TaggingModel model, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, WeightsFileName);
        var temporary = weights + ".tmp";
        model.Save(temporary);
        File.Move(temporary, weights, overwrite: true);
        var written = card with
        {
            WeightsFile = WeightsFileName,
            WeightsSha256 = Sha256(weights),
            WeightsFormat = model.IsTorchScript ? WeightsFormat.TorchScript : WeightsFormat.StateDict,
            ParameterCount = model.ParameterCount,
        };
        WriteCard(directory, written);
        return written;
    }

    public static void WriteCard(string directory, ModelCard card)
    {
        var path = Path.Combine(directory, CardFileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(card, ExperimentJson.Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static ModelCard ReadCard(string directory)
    {
        var path = Path.Combine(directory, CardFileName);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(directory, $"no {CardFileName} here: not a model directory");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), ExperimentJson.Lenient);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException(directory, $"{CardFileName} is not a valid model card: {Experiments.JsonErrors.Describe(e)}");
        }

        if (card is null || card.Format != ModelCard.CurrentFormat)
        {
            throw new ModelLoadException(directory, card?.Format == 1
                ? $"{CardFileName} has format 1: its weights are the retired C++ engine's; retrain the model (its card's config reproduces it) with this build"
                : $"{CardFileName} has format {card?.Format}; this build reads format {ModelCard.CurrentFormat}");
        }

        if (card.Labels.Count != card.Model.Classes)
        {
            throw new ModelLoadException(directory, $"the card lists {card.Labels.Count} labels for a model of {card.Model.Classes} classes");
        }

        return card;
    }

    /// <summary>Reads the card, checks the weights against its hash and loads them onto <paramref name="device"/>.</summary>
    public static (ModelCard Card, TaggingModel Model) Load(string directory, DeviceChoice device = DeviceChoice.Auto)
    {
        var card = ReadCard(directory);
        var weights = Path.Combine(directory, Path.GetFileName(card.WeightsFile));
        if (!File.Exists(weights))
        {
            throw new ModelLoadException(directory, $"the weights file {card.WeightsFile} is missing");
        }

        if (card.WeightsSha256 is { } expected && !string.Equals(expected, Sha256(weights), StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(directory, $"{card.WeightsFile} does not match the hash in {CardFileName} (corrupt or replaced)");
        }

        if (card.WeightsFormat == WeightsFormat.TorchScript)
        {
            return (card, LoadTorchScript(directory, card, weights));
        }

        var model = TaggingModel.Create(card.Model with { Device = device });
        try
        {
            model.Load(weights);
        }
        catch (InvalidDataException e)
        {
            model.Dispose();
            throw new ModelLoadException(directory, e.Message);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        return (card, model);
    }

    /// <summary>
    /// A TorchScript module, accepted only once one window of the card's front end goes through it and comes out as one
    /// logit per label: a module that does not fit fails here, at registration, not on every track later.
    /// </summary>
    private static TaggingModel LoadTorchScript(string directory, ModelCard card, string weights)
    {
        TaggingModel model;
        try
        {
            model = TaggingModel.LoadTorchScript(weights, card.Model);
        }
        catch (InvalidDataException e)
        {
            throw new ModelLoadException(directory, e.Message);
        }

        try
        {
            var mel = card.FrontEnd.Mel;
            var frames = checked((int)mel.FrameCount(card.FrontEnd.Windowing.WindowSamples(mel.SampleRate)));
            model.Predict(new float[mel.NMels * frames], 1, frames);
            return model;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            model.Dispose();
            throw new ModelLoadException(directory, $"the TorchScript module does not take this card's windows [1, 1, {card.FrontEnd.Mel.NMels}, frames] to {card.Labels.Count} logits: {e.Message.Split('\n', 2)[0]}");
        }
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

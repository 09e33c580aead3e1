using System.Security.Cryptography;
using OrleansGenres.Ml.Inference;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Registered versions downloaded to a local folder, content-addressed by the card's hash (which names the weights'
/// hash), so a folder never holds stale bytes. A download goes to a private staging folder, is verified, and is renamed
/// into place; a process that loses the rename race to another simply uses the winner's folder.
/// </summary>
public sealed class ModelFileCache(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The local folder of <paramref name="model"/>, downloaded through <paramref name="registry"/> if needed.</summary>
    public async Task<string> EnsureAsync(ModelRegistry registry, RegisteredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelName.IsValid(model.Name) || model.CardSha256 is not { Length: 64 } || !model.CardSha256.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException($"Registry entry {model.Version} has an invalid name or card hash.");
        }

        var final = Path.Combine(Root, $"{model.Name}-{model.CardSha256}");
        if (ModelDirectory.Exists(final))
        {
            return final;
        }

        Directory.CreateDirectory(Root);
        var staging = Path.Combine(Root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await registry.DownloadAsync(model, staging, cancellationToken).ConfigureAwait(false);
            await VerifyAsync(staging, model, cancellationToken).ConfigureAwait(false);
            try
            {
                Directory.Move(staging, final);
            }
            catch (IOException) when (ModelDirectory.Exists(final))
            {
                // Another process put the same content there first.
            }

            return final;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task VerifyAsync(string directory, RegisteredModel model, CancellationToken cancellationToken)
    {
        var card = await File.ReadAllBytesAsync(Path.Combine(directory, ModelKeys.CardFile), cancellationToken).ConfigureAwait(false);
        var weights = await Task.Run(() => ModelDirectory.Sha256(Path.Combine(directory, ModelKeys.WeightsFile)), cancellationToken).ConfigureAwait(false);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(card)), model.CardSha256, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(weights, model.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The stored files of model version {model.Version} do not match the registry's hashes.");
        }
    }
}

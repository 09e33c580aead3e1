using System.Security.Cryptography;
using System.Text;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// One tenant's models: the version files in the blob store (<c>models/{tenant}/{name}/{hash}/…</c>) and, for everything
/// else, the tenant's <see cref="IModelRegistryGrain"/>. Files are written first and the grain lists the version last, so a
/// listed version always has its files. Uploads and training jobs register through <see cref="RegisterAsync"/>.
/// </summary>
public sealed class ModelRegistry(TenantId tenant, ModelRegistryServices services)
{
    /// <summary>Origin of the host's default model registered on a tenant's first use.</summary>
    public const string DefaultOrigin = "default";

    public TenantId Tenant { get; } = tenant;

    private IModelRegistryGrain Grain => services.Grains.GetGrain<IModelRegistryGrain>(Tenant.Value);

    /// <summary>The registry, or null when the tenant has never registered anything.</summary>
    public Task<ModelRegistryState?> GetAsync() => Grain.GetAsync();

    /// <summary>
    /// Registers the model in <paramref name="directory"/> (model.json + model.pt, optional report.json/report.txt).
    /// The card must parse, carry a valid name and the weights' SHA-256, and the weights must match it
    /// (<see cref="ModelRegistrationException"/> otherwise). Loading the weights is the caller's check: it needs
    /// torch. Registering a version that exists already returns it unchanged.
    /// </summary>
    public async Task<ModelRegistration> RegisterAsync(string directory, string origin, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var (card, cardBytes) = await ReadVerifiedAsync(directory, cancellationToken).ConfigureAwait(false);
        var id = new ModelVersionId(card.Name, card.WeightsSha256![..ModelVersionId.HashLength]);
        var existing = (await GetAsync().ConfigureAwait(false))?.Find(id.Value);
        if (existing is not null)
        {
            return new ModelRegistration(existing, Created: false);
        }

        var hasReport = false;
        foreach (var file in new[] { ModelKeys.WeightsFile, ModelKeys.ReportJsonFile, ModelKeys.ReportTextFile })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            hasReport |= file != ModelKeys.WeightsFile;
            await using var content = File.OpenRead(path);
            await services.Objects.PutAsync(ModelKeys.File(Tenant, id, file), content, new PutOptions { ContentType = ContentTypeOf(file) }, cancellationToken).ConfigureAwait(false);
        }

        // The card last: a version folder with a card is complete.
        await services.Objects.PutBytesAsync(ModelKeys.File(Tenant, id, ModelKeys.CardFile), cardBytes, new PutOptions { ContentType = StorageJson.ContentType }, cancellationToken).ConfigureAwait(false);
        var entry = new RegisteredModel(
            card.Name,
            id.Value,
            id.Hash,
            services.Clock.GetUtcNow(),
            card.WeightsSha256!,
            Convert.ToHexStringLower(SHA256.HashData(cardBytes)),
            card.ParameterCount,
            card.Metrics?.ToDictionary(),
            hasReport,
            origin);
        return await Grain.AddAsync(entry).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers the host's default model when the tenant has no registry yet, so every tenant lists at least one
    /// version. Not activated: a tenant without an activated version follows the host's configured default.
    /// </summary>
    /// <returns>Null when the registry existed already; otherwise why the default could not be registered, or "".</returns>
    public async Task<string?> SeedAsync(string defaultDirectory, CancellationToken cancellationToken = default)
    {
        if (await GetAsync().ConfigureAwait(false) is not null)
        {
            return null;
        }

        try
        {
            await RegisterAsync(defaultDirectory, DefaultOrigin, cancellationToken).ConfigureAwait(false);
            return "";
        }
        catch (ModelRegistrationException e)
        {
            // A default model that cannot be registered (say, a card without a hash) still analyses; an empty
            // registry records that seeding was tried, so it is not tried on every request.
            await Grain.EnsureAsync().ConfigureAwait(false);
            return e.Message;
        }
    }

    /// <summary>The version with its card and report, or null when it is not registered.</summary>
    public async Task<ModelVersionDetails?> GetVersionAsync(ModelVersionId id, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync().ConfigureAwait(false);
        if (state?.Find(id.Value) is not { } entry)
        {
            return null;
        }

        var card = await ReadTextAsync(id, ModelKeys.CardFile, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException($"Model version {id} is registered but its card is missing.");
        var reportJson = entry.HasReport ? await ReadTextAsync(id, ModelKeys.ReportJsonFile, cancellationToken).ConfigureAwait(false) : null;
        var reportText = entry.HasReport ? await ReadTextAsync(id, ModelKeys.ReportTextFile, cancellationToken).ConfigureAwait(false) : null;
        return new ModelVersionDetails(entry, state.Active == entry.Version, card, reportJson, reportText);
    }

    /// <summary>
    /// Makes <paramref name="id"/> the tenant's active version (null when it is not registered) and, when
    /// <paramref name="retag"/>, replaces the tenant's re-tag job with one for this version.
    /// </summary>
    public Task<ModelActivation?> ActivateAsync(ModelVersionId id, bool retag) => Grain.ActivateAsync(id.Value, retag);

    /// <summary>The tenant's re-tag job, or null when it never had one.</summary>
    public Task<RetagJob?> GetRetagJobAsync() => Grain.GetRetagAsync();

    /// <summary>Writes the version's files into <paramref name="directory"/> (which must exist), card last.</summary>
    public async Task DownloadAsync(RegisteredModel model, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var file in new[] { ModelKeys.WeightsFile, ModelKeys.CardFile })
        {
            var stored = await services.Objects.GetAsync(ModelKeys.File(Tenant, model.Id, file), cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException($"Model version {model.Version} is registered but its {file} is missing.");
            await using (stored.ConfigureAwait(false))
            {
                await using var target = new FileStream(Path.Combine(directory, file), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await stored.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The card of <paramref name="directory"/> and its bytes, checked as registration requires.</summary>
    public static async Task<(ModelCard Card, byte[] Bytes)> ReadVerifiedAsync(string directory, CancellationToken cancellationToken = default)
    {
        ModelCard card;
        try
        {
            card = ModelDirectory.ReadCard(directory);
        }
        catch (ModelLoadException e)
        {
            throw new ModelRegistrationException(e.Message);
        }

        if (!ModelName.IsValid(card.Name))
        {
            throw new ModelRegistrationException($"The card's name '{card.Name}' is not a model name: use 1-{ModelName.MaxLength} lower-case letters, digits or '-'.");
        }

        if (card.WeightsSha256 is not { Length: 64 } expected || !expected.All(char.IsAsciiHexDigit))
        {
            throw new ModelRegistrationException("The card names no weightsSha256 (64 hex digits): the weights could not be checked.");
        }

        if (Path.GetFileName(card.WeightsFile) != ModelKeys.WeightsFile)
        {
            throw new ModelRegistrationException($"The card's weightsFile must be {ModelKeys.WeightsFile}.");
        }

        var weights = Path.Combine(directory, ModelKeys.WeightsFile);
        if (!File.Exists(weights))
        {
            throw new ModelRegistrationException($"{ModelKeys.WeightsFile} is missing.");
        }

        var actual = await Task.Run(() => ModelDirectory.Sha256(weights), cancellationToken).ConfigureAwait(false);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelRegistrationException($"{ModelKeys.WeightsFile} has SHA-256 {actual}, but the card says {expected}.");
        }

        // Lower-case the hash so the version id (name@sha12) has one spelling.
        card = card with { WeightsSha256 = expected.ToLowerInvariant() };
        var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, ModelKeys.CardFile), cancellationToken).ConfigureAwait(false);
        return (card, bytes);
    }

    private async Task<string?> ReadTextAsync(ModelVersionId id, string file, CancellationToken cancellationToken) =>
        await services.Objects.GetBytesAsync(ModelKeys.File(Tenant, id, file), cancellationToken).ConfigureAwait(false) is { } bytes
            ? Encoding.UTF8.GetString(bytes.Value)
            : null;

    private static string ContentTypeOf(string file) => file switch
    {
        ModelKeys.ReportJsonFile => StorageJson.ContentType,
        ModelKeys.ReportTextFile => "text/plain; charset=utf-8",
        _ => PutOptions.DefaultContentType,
    };
}

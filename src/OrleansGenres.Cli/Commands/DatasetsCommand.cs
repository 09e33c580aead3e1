using System.CommandLine;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Data;
using OrleansGenres.Storage.Local;

namespace OrleansGenres.Cli.Commands;

/// <summary>
/// `genres datasets import`: registers a local manifest or class folder as a dataset version of a tenant, written
/// straight into a stopped service's Local storage folder with the classes the service uses (so the version id is the
/// one an API upload of the same content gets); the tenant's catalogue grain adopts it when the service starts. Whoever
/// can write the storage folder is admin here.
/// </summary>
internal static class DatasetsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("datasets", "Manage the service's datasets in a Local storage folder.");
        command.Subcommands.Add(CreateImport(console));
        return command;
    }

    private static Command CreateImport(CliConsole console)
    {
        var dataset = new Option<string>("--dataset") { Description = "A manifest (CSV path,labels[,split|fold,...]), a folder holding manifest.csv, or a folder per class.", Required = true };
        var name = new Option<string>("--name") { Description = "Dataset name: 1-64 lower-case letters, digits or '-'.", Required = true };
        var storagePath = new Option<string>("--storage-path") { Description = "The service's Local storage folder (Storage:Local:Path).", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The tenant the dataset belongs to.", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import a dataset version into a tenant's catalogue (Local storage); prints the version id.")
        {
            dataset, name, storagePath, tenant, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var datasetName = parseResult.GetValue(name)!;
            DatasetName.Validate(datasetName);
            var tenantName = parseResult.GetValue(tenant)!;
            if (!TenantId.IsValid(tenantName))
            {
                throw new ArgumentException($"'{tenantName}' is not a tenant: use 1-{TenantId.MaxLength} lower-case letters, digits or '-'.");
            }

            var loaded = await DatasetLoader.LoadAsync(parseResult.GetValue(dataset)!, cancellationToken: cancellationToken);
            var logger = new CliLogger(console.Error);
            using var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.GetFullPath(parseResult.GetValue(storagePath)!) });
            var catalog = new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new OfflineDatasetIndex(storage.Objects), TimeProvider.System, logger)).Get(new TenantId(tenantName));
            var outcome = await catalog.ImportAsync(datasetName, loaded, cancellationToken);
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(outcome));
            }
            else
            {
                console.Out.WriteLine(outcome.Version.Version);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using Microsoft.Extensions.Logging;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Datasets;

/// <summary>What every <see cref="DatasetCatalog"/> needs: the object store, a clock and a logger.</summary>
public sealed record DatasetCatalogServices(IObjectStore Objects, TimeProvider Clock, ILogger Logger);

using Microsoft.Extensions.Logging;
using OrleansGenres.Storage;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>What every <see cref="DatasetCatalog"/> needs: the object store (files), the index (entries), a clock and a logger.</summary>
public sealed record DatasetCatalogServices(IObjectStore Objects, IDatasetIndex Index, TimeProvider Clock, ILogger Logger);

using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;

namespace OrleansGenres.Host.Api;

/// <summary>The tenant's datasets (<c>GET /api/datasets</c>).</summary>
public sealed record DatasetListResponse(IReadOnlyList<DatasetSummaryResponse> Datasets);

/// <summary>A dataset as listed: its name, newest version and how many versions it has.</summary>
public sealed record DatasetSummaryResponse(string Name, string Href, string Latest, int VersionCount)
{
    public static DatasetSummaryResponse From(CatalogedDataset dataset) =>
        new(dataset.Name, $"/api/datasets/{dataset.Name}", dataset.Versions[^1].Version, dataset.Versions.Length);
}

/// <summary>One dataset with its versions, newest first (<c>GET /api/datasets/{name}</c>).</summary>
public sealed record DatasetVersionsResponse(string Name, IReadOnlyList<DatasetVersionResponse> Versions);

/// <summary>One version as listed.</summary>
public sealed record DatasetVersionResponse(string Version, string Href, DateTimeOffset CreatedAt, int Tracks, long TotalBytes, int Labels, bool MultiLabel)
{
    public static DatasetVersionResponse From(string name, DatasetVersionEntry entry) =>
        new(entry.Version, $"/api/datasets/{name}/{entry.Version}", entry.CreatedAt, entry.Tracks, entry.TotalBytes, entry.Labels, entry.MultiLabel);
}

/// <summary>The answer to an upload: the version (new, or the same content uploaded before).</summary>
public sealed record DatasetImportResponse(bool Created, string Name, DatasetVersionResponse Version);

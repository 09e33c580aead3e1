using OrleansGenres.Ml.Data;

namespace OrleansGenres.Host.Api;

/// <summary>A dataset upload spooled to a temporary folder and checked: its entries point at the spooled files. Dispose deletes the folder.</summary>
public sealed class DatasetUpload(string directory, string? name, Dataset dataset) : IDisposable
{
    /// <summary>The form's <c>name</c> field, unchecked; null when the form has none.</summary>
    public string? Name { get; } = name;

    public Dataset Dataset { get; } = dataset;

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System.Net.Http.Headers;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Dataset uploads as a client sends them: a multipart form with name, manifest and the files named like the manifest's paths.</summary>
public static class DatasetClient
{
    public static async Task<HttpResponseMessage> UploadDatasetAsync(this HttpClient client, string name, string manifest, IEnumerable<string> relativePaths)
    {
        var folder = Path.GetDirectoryName(manifest)!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(manifest)), "manifest", "manifest.csv" },
        };
        foreach (var path in relativePaths)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, path)));
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "files", path);
        }

        return await client.PostAsync("/api/datasets", form);
    }
}

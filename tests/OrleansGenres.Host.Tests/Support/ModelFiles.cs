using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Model folders for registration tests: the shipped default model's weights under another name in its card.</summary>
public static class ModelFiles
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "models", "default");

    /// <summary>A copy of the default model named <paramref name="name"/> (another version), with an evaluation report.</summary>
    public static async Task<string> CopyAsync(string parent, string name, Action<JsonNode>? editCard = null)
    {
        var directory = Path.Combine(parent, $"model-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(Shipped, "model.pt"), Path.Combine(directory, "model.pt"));
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Shipped, "model.json")))!;
        card["name"] = name;
        editCard?.Invoke(card);
        await File.WriteAllTextAsync(Path.Combine(directory, "model.json"), card.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(directory, "report.json"), """{"accuracy":0.75,"f1Macro":0.5}""");
        await File.WriteAllTextAsync(Path.Combine(directory, "report.txt"), "              precision    recall  f1-score   support\n");
        return directory;
    }

    /// <summary>POST /api/models with the folder's files as multipart parts named by their file names.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string directory)
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in Directory.GetFiles(directory))
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, Path.GetFileName(path), Path.GetFileName(path));
        }

        return await client.PostAsync("/api/models", form);
    }
}

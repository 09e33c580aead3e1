using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>The calls a client of the track API makes, over real HTTP.</summary>
public static class TrackClient
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, Uri? Location)> UploadFileAsync(this HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await client.PostAsync("/api/tracks", form);
        return (response.StatusCode, await BodyAsync(response), response.Headers.Location);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadRawAsync(this HttpClient client, byte[] bytes, string? fileName = null)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tracks") { Content = content };
        if (fileName is not null)
        {
            request.Headers.Add("X-File-Name", fileName);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>Polls the track until its status is Completed or Failed.</summary>
    public static Task<JsonElement> WaitForTrackAsync(this HttpClient client, string id, TimeSpan timeout, Func<JsonElement, bool>? until = null) =>
        client.WaitForAsync($"/api/tracks/{id}", timeout, until ?? (track => track.GetProperty("status").GetString() is "Completed" or "Failed"));

    /// <summary>Polls GET <paramref name="path"/> every 100 ms until the answer is 200 and <paramref name="until"/> holds.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, string path, TimeSpan timeout, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            var (status, body) = await client.GetJsonAsync(path);
            if (status == HttpStatusCode.OK)
            {
                last = body;
                if (until(body))
                {
                    return body;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} did not reach the expected state in {timeout}; last: {last}");
    }

    public static string Status(this JsonElement track) => track.GetProperty("status").GetString()!;

    public static string Id(this JsonElement track) => track.GetProperty("id").GetString()!;

    public static IReadOnlyList<string> AssignedTags(this JsonElement track) =>
        [.. track.GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("label").GetString()!)];

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

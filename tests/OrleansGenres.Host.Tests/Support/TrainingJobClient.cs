using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Training jobs as a client drives them: submit, poll, cancel.</summary>
public static class TrainingJobClient
{
    /// <summary>POST /api/training-jobs with <paramref name="configJson"/> as the config object.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SubmitJobAsync(
        this HttpClient client, string dataset, string configJson, string? modelName = null, string? datasetVersion = null)
    {
        var request = new Dictionary<string, object?>
        {
            ["dataset"] = dataset,
            ["config"] = JsonDocument.Parse(configJson).RootElement,
            ["modelName"] = modelName,
            ["datasetVersion"] = datasetVersion,
        };
        return await client.PostJsonAsync("/api/training-jobs", JsonSerializer.Serialize(request));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> CancelJobAsync(this HttpClient client, string id)
    {
        using var response = await client.PostAsync($"/api/training-jobs/{id}/cancel", null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Polls the job until <paramref name="until"/> holds (default: a final status).</summary>
    public static Task<JsonElement> WaitForJobAsync(this HttpClient client, string id, TimeSpan timeout, Func<JsonElement, bool>? until = null) =>
        client.WaitForAsync($"/api/training-jobs/{id}", timeout, until ?? (job => job.Status() is "Succeeded" or "Failed" or "Cancelled"));

    /// <summary>The epoch of the job's last stored checkpoint (0 when none).</summary>
    public static int CheckpointEpoch(this JsonElement job) =>
        job.TryGetProperty("checkpoint", out var checkpoint) && checkpoint.ValueKind == JsonValueKind.Object ? checkpoint.GetProperty("epoch").GetInt32() : 0;
}

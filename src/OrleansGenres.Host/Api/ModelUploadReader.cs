using OrleansGenres.Grains;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Api;

/// <summary>
/// Writes a multipart model upload (<c>model.json</c>, <c>model.pt</c>, optional <c>report.json</c>/<c>report.txt</c>, each
/// named by its form field or its file name) into a fresh temporary folder; file names never come from the client.
/// </summary>
public static class ModelUploadReader
{
    /// <summary>The folder holding the upload (the caller deletes it); <see cref="UploadRejectedException"/> for a malformed upload.</summary>
    public static async Task<string> ReadAsync(HttpRequest request, ScratchFolder scratch, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Not a model upload", "Send multipart/form-data with the files model.json and model.pt (optional report.json, report.txt).");
        }

        var form = await MalformedMultipart.ReadFormAsync(request, cancellationToken);
        var directory = scratch.NewFile("model-upload");
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var file in form.Files)
            {
                var target = TargetOf(file.Name) ?? TargetOf(Path.GetFileName(file.FileName))
                    ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Unexpected file", $"'{Shorten(file.Name)}' is not one of {string.Join(", ", ModelKeys.Files)}.");
                await using var output = new FileStream(Path.Combine(directory, target), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await file.CopyToAsync(output, cancellationToken);
            }

            foreach (var required in new[] { ModelKeys.CardFile, ModelKeys.WeightsFile })
            {
                if (!File.Exists(Path.Combine(directory, required)))
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Incomplete model", $"The upload has no {required}.");
                }
            }

            return directory;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static string? TargetOf(string? name) => name switch
    {
        ModelKeys.CardFile or "card" => ModelKeys.CardFile,
        ModelKeys.WeightsFile or "weights" => ModelKeys.WeightsFile,
        ModelKeys.ReportJsonFile => ModelKeys.ReportJsonFile,
        ModelKeys.ReportTextFile or "report" => ModelKeys.ReportTextFile,
        _ => null,
    };

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}

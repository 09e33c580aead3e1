using OrleansGenres.Grains;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Ml.Data;

namespace OrleansGenres.Host.Api;

/// <summary>
/// Reads a multipart dataset upload: a <c>manifest</c> field (CSV <c>path,labels[,split|fold,...]</c>) and the audio as
/// file fields whose file names are the manifest's paths. Everything is streamed to a temporary folder under names of
/// our own (client file names are only matched against the manifest, never used as paths), the manifest is checked by
/// <see cref="ManifestLoader"/>, and every problem (manifest rows, missing or unlisted files) is reported at once.
/// </summary>
public sealed class DatasetUploadReader(IOptions<ServiceOptions> options, ScratchFolder scratch)
{
    public const string ManifestField = "manifest";
    public const string NameField = "name";
    private const int MaxFiles = 10_000;
    private const int MaxProblems = 50;
    private const long PartAllowance = 1024;
    private const int DatasetNameLimit = 200;

    public async Task<DatasetUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // One request holds the whole dataset: bounded by MaxUploadBytes (bigger sets: `genres datasets import`).
        var limit = options.Value.MaxUploadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Not a dataset upload", "Send multipart/form-data with a 'manifest' field and the audio files as file fields named like the manifest's paths.");
        }

        var directory = scratch.NewFile("dataset-upload");
        Directory.CreateDirectory(directory);
        try
        {
            var (name, dataset) = await ReadPartsAsync(request.Body, boundary, directory, limit, cancellationToken);
            return new DatasetUpload(directory, name, dataset);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static async Task<(string? Name, Dataset Dataset)> ReadPartsAsync(Stream body, string boundary, string directory, long limit, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(directory, ManifestLoader.DefaultFileName);
        var hasManifest = false;
        string? name = null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        long total = 0;
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = limit };
        try
        {
            while (await MalformedMultipart.NextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Malformed multipart body", "A part has no Content-Disposition.");
                }

                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (field == ManifestField)
                {
                    if (hasManifest)
                    {
                        problems.Add("the upload has more than one manifest");
                        continue;
                    }

                    hasManifest = true;
                    total += await CopyAsync(section.Body, manifestPath, limit - total, limit, cancellationToken);
                    continue;
                }

                if (field == NameField && !disposition.IsFileDisposition())
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[DatasetNameLimit + 1];
                    name = new string(buffer, 0, await text.ReadBlockAsync(buffer, cancellationToken)).Trim();
                    if (!DatasetName.IsValid(name))
                    {
                        problems.Add($"'{Shorten(name)}' is not a dataset name: use 1-{DatasetName.MaxLength} lower-case letters, digits or '-'");
                    }

                    continue;
                }

                if (!disposition.IsFileDisposition())
                {
                    problems.Add($"unexpected field '{Shorten(field ?? "")}': send 'manifest' and the audio files");
                    continue;
                }

                var fileName = Normalise(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                if (files.ContainsKey(fileName))
                {
                    problems.Add($"file '{Shorten(fileName)}' is uploaded twice");
                    continue;
                }

                if (files.Count >= MaxFiles)
                {
                    throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, "Too many files", $"A dataset upload holds at most {MaxFiles} files.");
                }

                var spooled = Path.Combine(directory, $"file-{files.Count}");
                total += await CopyAsync(section.Body, spooled, limit - total, limit, cancellationToken);
                files[fileName] = spooled;
            }
        }
        // Only the body limit means "too large"; a header or line over its limit is a malformed body (400, see ProblemExceptionHandler).
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge(limit);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }

        if (!hasManifest)
        {
            throw new DatasetUploadException(["the upload has no 'manifest' field (CSV path,labels[,split|fold,...])", .. problems]);
        }

        Dataset listed;
        try
        {
            // Paths are only parsed here; the files are the uploaded parts, matched by name below.
            listed = await ManifestLoader.LoadAsync(manifestPath, new ManifestOptions { CheckFilesExist = false, MaxReportedProblems = MaxProblems }, cancellationToken);
        }
        catch (DatasetException e)
        {
            throw new DatasetUploadException([.. e.Problems.Select(p => Describe(p.Line, p.Message)), .. problems]);
        }

        var entries = new List<DatasetEntry>(listed.Entries.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in listed.Entries)
        {
            if (files.TryGetValue(entry.RelativePath, out var spooled))
            {
                used.Add(entry.RelativePath);
                entries.Add(entry with { FullPath = spooled });
            }
            else
            {
                problems.Add(Describe(entry.Line, $"file not in the upload: '{entry.RelativePath}'"));
            }
        }

        problems.AddRange(files.Keys.Where(name => !used.Contains(name)).Order(StringComparer.Ordinal)
            .Select(name => $"file '{Shorten(name)}' is uploaded but not listed in the manifest"));
        if (problems.Count > 0)
        {
            throw new DatasetUploadException([.. problems.Take(MaxProblems)]);
        }

        return (name, listed.WithEntries(entries));
    }

    private static async Task<long> CopyAsync(Stream source, string path, long remaining, long limit, CancellationToken cancellationToken)
    {
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > remaining + PartAllowance)
            {
                throw TooLarge(limit);
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return length;
    }

    // The same spelling the manifest loader gives its paths ('\' → '/', no empty or '.' segments), for matching only.
    private static string Normalise(string? fileName) =>
        string.Join('/', (fileName ?? string.Empty).Replace('\\', '/').Split('/').Where(segment => segment is not ("" or ".")));

    private static string Describe(int? line, string message) => line is { } l ? $"manifest.csv:{l}: {message}" : $"manifest.csv: {message}";

    private static UploadRejectedException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"A dataset upload is limited to {limit} bytes; import bigger datasets with `genres datasets import`.");

    private static string Shorten(string name) => name.Length <= 100 ? name : name[..100] + "…";
}

using OrleansGenres.Grains;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansGenres.Host.Configuration;

namespace OrleansGenres.Host.Api;

/// <summary>
/// Streams an upload — the first file of a multipart form, or the raw body — to a temporary file while hashing and
/// counting it, so the size limit holds without buffering in memory and the track id (from the hash) is known before
/// anything is stored.
/// </summary>
public sealed class UploadSpooler(IOptions<ServiceOptions> options, ScratchFolder scratch)
{
    private const long MultipartAllowance = 64 * 1024;
    private const int MaxFileNameLength = 200;

    public async Task<SpooledUpload> SpoolAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + MultipartAllowance;
        }

        if (request.ContentLength > limit + MultipartAllowance)
        {
            throw TooLarge(limit);
        }

        if (request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Malformed multipart body", "The multipart Content-Type has no boundary.");
            }

            var reader = new MultipartReader(boundary, request.Body);
            while (await MalformedMultipart.NextSectionAsync(reader, cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    return await SpoolStreamAsync(section.Body, limit, name, section.ContentType, cancellationToken).ConfigureAwait(false);
                }
            }

            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "No file in the form", "Send the audio as a file field of the multipart form (e.g. curl -F file=@song.mp3).");
        }

        var rawName = request.Headers["X-File-Name"].FirstOrDefault() ?? request.Query["fileName"].FirstOrDefault();
        return await SpoolStreamAsync(request.Body, limit, rawName, request.ContentType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Spools a stream (a file the web UI receives) under the same limit and name rules as a request body.</summary>
    public Task<SpooledUpload> SpoolAsync(Stream body, string? fileName, string? contentType, CancellationToken cancellationToken) =>
        SpoolStreamAsync(body, options.Value.MaxUploadBytes, fileName, contentType, cancellationToken);

    private async Task<SpooledUpload> SpoolStreamAsync(Stream body, long limit, string? fileName, string? contentType, CancellationToken cancellationToken)
    {
        var path = scratch.NewFile("upload");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long length = 0;
            int read;
            try
            {
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        throw TooLarge(limit);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(limit);
            }

            if (length == 0)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "Empty upload", "The upload has no bytes: send an audio file (WAV, MP3, OGG, FLAC, Opus, M4A).");
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return new SpooledUpload(file, length, Convert.ToHexStringLower(hash.GetHashAndReset()), CleanFileName(fileName), CleanContentType(contentType));
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static UploadRejectedException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"Uploads are limited to {limit} bytes.");

    /// <summary>
    /// Only for display: the last path segment, printable characters, bounded length. A long name is shortened in its
    /// stem, so the extension (what people recognise a file by) stays.
    /// </summary>
    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        if (clean.Length <= MaxFileNameLength)
        {
            return clean.Length == 0 ? null : clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length is > 1 and <= 16 ? extension : "";
        return string.Concat(clean.AsSpan(0, MaxFileNameLength - extension.Length - 1), "…", extension);
    }

    private static string? CleanContentType(string? contentType) =>
        contentType is { Length: > 0 and <= 100 } && contentType.All(c => c is >= ' ' and <= '~') ? contentType : null;
}

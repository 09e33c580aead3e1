using Microsoft.AspNetCore.WebUtilities;

namespace OrleansGenres.Host.Api;

/// <summary>
/// Reading a multipart form where the body is not one (no boundary line, cut short): ASP.NET Core's reader throws
/// <see cref="IOException"/> or <see cref="InvalidDataException"/>, which would be a 500; the client gets a 400 instead.
/// Only the reader's own calls are wrapped, so a real I/O fault of the server (a full disk) stays a 500.
/// </summary>
public static class MalformedMultipart
{
    public const string Title = "Malformed multipart body";

    public static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw Rejected();
        }
    }

    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw Rejected();
        }
    }

    // Kestrel's own errors (413, client gone) and the body limit (413, the readers' callers) keep their meaning.
    private static bool IsMalformedBody(Exception e) =>
        e is IOException or InvalidDataException && e is not BadHttpRequestException && !e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase);

    private static UploadRejectedException Rejected() => new(
        StatusCodes.Status400BadRequest,
        Title,
        "The request says multipart/form-data but its body is not a well-formed multipart form: send files as form fields (curl -F file=@song.mp3).");
}

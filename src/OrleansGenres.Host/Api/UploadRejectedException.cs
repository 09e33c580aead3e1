namespace OrleansGenres.Host.Api;

/// <summary>An upload refused before it was accepted, with the HTTP status and words for the client.</summary>
public sealed class UploadRejectedException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}

using Azure;

namespace OrleansGenres.Storage.Azure;

/// <summary>How the service's answers map onto the typed storage exceptions.</summary>
internal static class AzureErrors
{
    public static bool IsNotFound(RequestFailedException e) => e.Status == 404;

    /// <summary>412 (a condition), and 409 "already exists" for create-only writes.</summary>
    public static bool IsPreconditionFailed(RequestFailedException e) =>
        e.Status == 412 || (e.Status == 409 && e.ErrorCode == "BlobAlreadyExists");

    public static string Describe(RequestFailedException e) => $"{e.Status} {e.ErrorCode}".TrimEnd();
}

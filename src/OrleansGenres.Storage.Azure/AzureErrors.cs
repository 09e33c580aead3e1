using Azure;

namespace OrleansGenres.Storage.Azure;

/// <summary>How the service's answers map onto the typed storage exceptions.</summary>
internal static class AzureErrors
{
    public static bool IsNotFound(RequestFailedException e) => e.Status == 404;

    /// <summary>412 (a condition or a lease), and 409 "already exists" for create-only writes.</summary>
    public static bool IsPreconditionFailed(RequestFailedException e) =>
        e.Status == 412 || (e.Status == 409 && e.ErrorCode is "BlobAlreadyExists" or "LeaseIdMissing" or "LeaseAlreadyPresent");

    public static bool IsLeaseConflict(RequestFailedException e) => e.Status == 409;

    /// <summary>Delete/update with a stale pop receipt: 404 MessageNotFound, or 400 PopReceiptMismatch.</summary>
    public static bool IsMessageLost(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == "PopReceiptMismatch");

    public static string Describe(RequestFailedException e) => $"{e.Status} {e.ErrorCode}".TrimEnd();
}

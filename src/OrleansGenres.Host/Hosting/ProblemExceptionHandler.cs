using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using OrleansGenres.Host.Api;

namespace OrleansGenres.Host.Hosting;

/// <summary>Turns the errors a client can act on into ProblemDetails with their status; everything else stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            UploadRejectedException e => (e.StatusCode, e.Title, e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Upload too large", exception.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed the request", ""),
            // The silo holding the grain just died and the cluster has not noticed yet (seconds): worth a retry, not a 500.
            SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
                (StatusCodes.Status503ServiceUnavailable, "Briefly unavailable", "A node of the service went away; retry in a few seconds (nothing accepted is lost)."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

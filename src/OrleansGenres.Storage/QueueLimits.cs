using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansGenres.Storage;

/// <summary>Argument limits of <see cref="IWorkQueue"/>, those of Azure Queue Storage, enforced by every implementation.</summary>
public static class QueueLimits
{
    public const int MaxMessagesPerReceive = 32;

    /// <summary>64 KiB once base64-encoded for Queue Storage.</summary>
    public const int MaxBodyBytes = 48 * 1024;

    public static readonly TimeSpan MinReceiveVisibilityTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public static void ValidateBody(string? body, [CallerArgumentExpression(nameof(body))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(body, parameterName);
        if (Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            throw new ArgumentException($"A message body is at most {MaxBodyBytes} bytes of UTF-8.", parameterName);
        }
    }

    public static void ValidateMaxMessages(int maxMessages, [CallerArgumentExpression(nameof(maxMessages))] string? parameterName = null)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(parameterName, maxMessages, $"Receive 1 to {MaxMessagesPerReceive} messages at a time.");
        }
    }

    /// <summary>For receive: 1 s to 7 days.</summary>
    public static void ValidateReceiveVisibility(TimeSpan timeout, [CallerArgumentExpression(nameof(timeout))] string? parameterName = null)
    {
        if (timeout < MinReceiveVisibilityTimeout || timeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "A receive hides messages for 1 second to 7 days.");
        }
    }

    /// <summary>For send delays and extends: 0 to 7 days.</summary>
    public static void ValidateVisibility(TimeSpan timeout, [CallerArgumentExpression(nameof(timeout))] string? parameterName = null)
    {
        if (timeout < TimeSpan.Zero || timeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "A visibility delay is 0 to 7 days.");
        }
    }
}

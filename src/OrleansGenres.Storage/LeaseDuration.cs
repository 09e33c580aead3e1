using System.Runtime.CompilerServices;

namespace OrleansGenres.Storage;

/// <summary>Lease durations Blob Storage accepts (whole seconds, 15-60); Local enforces the same range.</summary>
public static class LeaseDuration
{
    public static readonly TimeSpan Min = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    public static void Validate(TimeSpan duration, [CallerArgumentExpression(nameof(duration))] string? parameterName = null)
    {
        if (duration < Min || duration > Max || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, duration, "A lease lasts a whole number of seconds from 15 to 60.");
        }
    }
}

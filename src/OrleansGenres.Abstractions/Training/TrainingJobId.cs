using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Training;

/// <summary>A training job's id: 32 lower-case hex digits (a GUID), chosen by the service, never by the client.</summary>
public readonly record struct TrainingJobId
{
    public const int Length = 32;

    public TrainingJobId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a training job id.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static TrainingJobId New() => new(Guid.NewGuid().ToString("N"));

    public static bool IsValid(string? value) => KeySegment.IsLowerHex(value, Length);

    public override string ToString() => Value;
}

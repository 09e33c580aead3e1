using System.Runtime.CompilerServices;

namespace OrleansGenres.Storage.Azure;

/// <summary>Blob container names as Azure Storage accepts them: 3-63 of a-z, 0-9 and '-', no leading, trailing or double '-'.</summary>
public static class ContainerName
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    public static bool IsValid(string? name)
    {
        if (name is null || name.Length is < MinLength or > MaxLength || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string? name, [CallerArgumentExpression(nameof(name))] string? parameterName = null)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Invalid container name '{name}': use {MinLength}-{MaxLength} characters of a-z, 0-9 and '-' (no leading, trailing or double '-').",
                parameterName);
        }
    }
}

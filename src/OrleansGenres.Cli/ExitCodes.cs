namespace OrleansGenres.Cli;

/// <summary>Process exit codes of `genres`.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input could not be processed (undecodable audio, native failure, I/O).</summary>
    public const int Failed = 1;

    /// <summary>The command line or an option value is wrong.</summary>
    public const int Usage = 2;

    public const int Cancelled = 130;
}

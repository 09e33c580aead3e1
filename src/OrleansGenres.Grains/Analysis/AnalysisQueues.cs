namespace OrleansGenres.Grains.Analysis;

/// <summary>Queue names of the analysis role.</summary>
public static class AnalysisQueues
{
    /// <summary>Tracks waiting for analysis (<see cref="AnalyzeTrackMessage"/>).</summary>
    public const string Analyze = "analyze-tracks";

    /// <summary>Messages that failed too often, moved aside for a person to look at (the track is marked Failed).</summary>
    public const string Poison = "analyze-tracks-poison";
}

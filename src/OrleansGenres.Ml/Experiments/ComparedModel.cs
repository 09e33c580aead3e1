namespace OrleansGenres.Ml.Experiments;

/// <summary>One model of a comparison: the name its rows carry in the report, and its model folder.</summary>
public sealed record ComparedModel(string Name, string Folder);

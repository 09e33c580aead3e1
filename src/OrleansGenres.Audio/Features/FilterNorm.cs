namespace OrleansGenres.Audio.Features;

/// <summary>Mel filter normalisation: none (peak 1, torchaudio's default) or Slaney area normalisation (librosa's default).</summary>
public enum FilterNorm
{
    None = 0,
    Slaney = 1,
}

namespace OrleansGenres.Audio.Features;

/// <summary>Hz-to-mel mapping: Slaney (librosa's default) or HTK (torchaudio's default).</summary>
public enum MelScale
{
    Slaney = 0,
    Htk = 1,
}

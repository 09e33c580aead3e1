namespace OrleansGenres.Audio.Decoding;

/// <summary>What a probe learns about an input's first audio stream, without decoding it.</summary>
public sealed record AudioInfo(double DurationSeconds, int SampleRate, int Channels, string Codec, string Container);

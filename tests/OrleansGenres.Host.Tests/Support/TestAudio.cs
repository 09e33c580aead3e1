using OrleansGenres.Audio.Formats;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Audio the tests make themselves: tones written as float WAV (distinct frequencies give distinct tracks).</summary>
public static class TestAudio
{
    public static byte[] ToneWav(double frequency, double seconds, int sampleRate = 22050)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        using var stream = new MemoryStream();
        WavWriter.WriteFloat32(stream, samples, sampleRate);
        return stream.ToArray();
    }
}

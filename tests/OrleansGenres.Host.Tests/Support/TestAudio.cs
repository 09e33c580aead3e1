using OrleansGenres.Audio.Formats;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>Audio the tests make themselves: tones written as float WAV (distinct frequencies give distinct tracks).</summary>
public static class TestAudio
{
    /// <summary>
    /// Bytes that are certainly not audio (text): random bytes are not, as a decoder may take some of them for MP3
    /// frames and report them Truncated instead of InvalidData.
    /// </summary>
    public static byte[] NotAudio(string label) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"this is a text file, not audio ({label})\n", 100)));

    public static byte[] ToneWav(double frequency, double seconds, int sampleRate = 22050) =>
        Wav([.. Tone(frequency, seconds, sampleRate)], sampleRate);

    /// <summary>A tone followed by digital silence (for the silence floor).</summary>
    public static byte[] ToneThenSilenceWav(double frequency, double toneSeconds, double silenceSeconds, int sampleRate = 22050) =>
        Wav([.. Tone(frequency, toneSeconds, sampleRate), .. new float[(int)(silenceSeconds * sampleRate)]], sampleRate);

    public static byte[] Wav(float[] samples, int sampleRate)
    {
        using var stream = new MemoryStream();
        WavWriter.WriteFloat32(stream, samples, sampleRate);
        return stream.ToArray();
    }

    private static IEnumerable<float> Tone(double frequency, double seconds, int sampleRate) =>
        Enumerable.Range(0, (int)(seconds * sampleRate)).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / sampleRate)));
}

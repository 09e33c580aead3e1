namespace OrleansGenres.Ml.Tests.Integration.Models;

/// <summary>
/// Small log-mel-like inputs where class k is a loud band at its own mel rows over noise: learnable in a few steps
/// by a real network, so tests can assert learning on held-out items quickly.
/// </summary>
internal static class SyntheticSpectrograms
{
    public static (float[] Inputs, int[] Classes) Make(int count, int classes, int nMels, int frames, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * nMels * frames];
        var labels = new int[count];
        var band = nMels / classes;
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(classes);
            labels[i] = label;
            for (var m = 0; m < nMels; m++)
            {
                var loud = m / band == label;
                for (var f = 0; f < frames; f++)
                {
                    inputs[(((i * nMels) + m) * frames) + f] = (float)((random.NextDouble() - 0.5) + (loud ? 1.5 : 0));
                }
            }
        }

        return (inputs, labels);
    }

    public static int[] Argmax(float[] logits, int classes) =>
        Enumerable.Range(0, logits.Length / classes)
            .Select(i => Enumerable.Range(0, classes).MaxBy(c => logits[(i * classes) + c]))
            .ToArray();
}

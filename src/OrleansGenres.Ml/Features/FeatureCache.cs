using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Ml.Data;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Ml.Features;

/// <summary>
/// Log-mel windows of audio files, computed once and kept as compressed NumPy archives (.npz: arrays
/// <c>windows</c> [n, n_mels, frames], <c>starts</c>, <c>ends</c>) that Python can read too. Keyed by the audio's
/// content hash and the front end's key, so renamed or copied files share features and any settings change
/// misses. Paths are built from hex hashes only: no user input reaches the file system.
/// </summary>
public sealed class FeatureCache(string root, FrontEnd frontEnd, IAudioDecoder decoder)
{
    public FrontEnd FrontEnd { get; } = frontEnd;

    public string Directory { get; } = Path.Combine(Path.GetFullPath(root), frontEnd.Key);

    public string PathFor(string contentHash)
    {
        if (contentHash.Length < 16 || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("a content hash is lower-case hex", nameof(contentHash));
        }

        return Path.Combine(Directory, contentHash[..2], contentHash + ".npz");
    }

    /// <summary>
    /// Features for every entry, built where missing, <paramref name="parallelism"/> files at a time (decoding runs
    /// in this process or in ffmpeg processes, as the decoder given says; the mel with TorchSharp). Failures are reported
    /// per entry, not thrown.
    /// </summary>
    public async Task<IReadOnlyList<FeatureBuildResult>> BuildAsync(
        IReadOnlyList<DatasetEntry> entries,
        Func<DatasetEntry, string> contentHashOf,
        int parallelism = 0,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var extractor = LogMelExtractor.Create(FrontEnd.Mel);
        var results = new FeatureBuildResult[entries.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var entry = entries[i];
                try
                {
                    results[i] = new FeatureBuildResult(entry, await GetOrBuildAsync(entry.FullPath, contentHashOf(entry), extractor, ct), null);
                }
                catch (AudioDecodeException e)
                {
                    results[i] = new FeatureBuildResult(entry, null, $"{e.Kind}: {e.Message}");
                }
                catch (EmptyWindowsException e)
                {
                    results[i] = new FeatureBuildResult(entry, null, $"NoWindows: {e.Message}");
                }

                progress?.Report(Interlocked.Increment(ref done));
            });
        return results;
    }

    /// <summary>Cached features of one file, computed and stored first if they are missing.</summary>
    public async Task<CachedFeatures> GetOrBuildAsync(string audioPath, string contentHash, LogMelExtractor extractor, CancellationToken cancellationToken = default)
    {
        var path = PathFor(contentHash);
        if (File.Exists(path))
        {
            return Describe(contentHash, path);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            int windows;
            await using (var source = decoder.OpenFile(audioPath, FrontEnd.Mel.SampleRate))
            await using (var output = File.Create(temporary))
            {
                windows = await LogMelWindowArchive.WriteAsync(source, FrontEnd.Windowing, extractor, output, cancellationToken: cancellationToken);
            }

            // Atomic: readers see the whole archive or none; two builders of one file simply both finish.
            File.Move(temporary, path, overwrite: true);
            return new CachedFeatures(contentHash, path, windows, FrontEnd.Mel.NMels, FrontEnd.FramesPerWindow);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads one track's windows, [Windows, NMels, Frames] row-major: one file at a time, never the whole set.</summary>
    public static float[] ReadWindows(CachedFeatures features)
    {
        using var npz = NpzReader.Open(features.Path);
        return npz.ReadFloat32("windows").Data;
    }

    private CachedFeatures Describe(string contentHash, string path)
    {
        using var npz = NpzReader.Open(path);
        var (_, shape) = npz.ReadFloat32("starts");
        return new CachedFeatures(contentHash, path, (int)shape[0], FrontEnd.Mel.NMels, FrontEnd.FramesPerWindow);
    }
}

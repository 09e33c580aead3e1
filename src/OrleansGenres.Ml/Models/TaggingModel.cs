using OrleansGenres.Native;

namespace OrleansGenres.Ml.Models;

/// <summary>
/// A network living in the native library: built from <see cref="ModelOptions"/>, predicting logits for batches of
/// log-mel windows, saved and loaded as weights. Not thread-safe: call it from one thread (a <see cref="NativeThread"/>).
/// </summary>
public sealed class TaggingModel : IDisposable
{
    private TaggingModel(ModelOptions options, ModelHandle handle)
    {
        Options = options;
        Handle = handle;
    }

    public ModelOptions Options { get; }

    internal ModelHandle Handle { get; }

    public static TaggingModel Create(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 1);
        GenresNative.EnsureCompatible();
        NativeCall.Check(ModelNativeMethods.Create(ModelNativeMethods.ModelOptionsNative.From(options), out var handle));
        return new TaggingModel(options, handle);
    }

    public long ParameterCount
    {
        get
        {
            NativeCall.Check(ModelNativeMethods.ParameterCount(Handle, out var count));
            return count;
        }
    }

    public bool IsCuda
    {
        get
        {
            NativeCall.Check(ModelNativeMethods.IsCuda(Handle, out var isCuda));
            return isCuda != 0;
        }
    }

    /// <summary>Logits [batch, Classes] for inputs [batch, NMels, frames], in evaluation mode.</summary>
    public unsafe void Predict(ReadOnlySpan<float> inputs, int batch, int frames, Span<float> logits)
    {
        CheckShape(inputs.Length, batch, frames);
        fixed (float* input = inputs)
        fixed (float* output = logits)
        {
            NativeCall.Check(ModelNativeMethods.Predict(Handle, input, batch, Options.NMels, frames, output, logits.Length));
        }
    }

    public float[] Predict(ReadOnlySpan<float> inputs, int batch, int frames)
    {
        var logits = new float[batch * Options.Classes];
        Predict(inputs, batch, frames, logits);
        return logits;
    }

    public void Save(string path) => NativeCall.Check(ModelNativeMethods.Save(Handle, path));

    public void Load(string path) => NativeCall.Check(ModelNativeMethods.Load(Handle, path));

    public void Dispose() => Handle.Dispose();

    internal void CheckShape(int length, int batch, int frames)
    {
        if (batch <= 0 || frames <= 0 || length != (long)batch * Options.NMels * frames)
        {
            throw new ArgumentException($"inputs must be [batch={batch}, n_mels={Options.NMels}, frames={frames}]: {length} floats given");
        }
    }
}

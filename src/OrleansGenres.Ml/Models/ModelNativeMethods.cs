using System.Runtime.InteropServices;
using OrleansGenres.Native;

namespace OrleansGenres.Ml.Models;

/// <summary>P/Invoke declarations of the gn_model_* functions of genres_native.h.</summary>
internal static partial class ModelNativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_create")]
    public static partial int Create(in ModelOptionsNative options, out ModelHandle model);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_destroy")]
    public static partial void Destroy(IntPtr model);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_parameter_count")]
    public static partial int ParameterCount(ModelHandle model, out long count);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_is_cuda")]
    public static partial int IsCuda(ModelHandle model, out int isCuda);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_predict")]
    public static unsafe partial int Predict(ModelHandle model, float* inputs, long batch, long nMels, long frames, float* logits, long capacity);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_save", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Save(ModelHandle model, string path);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_model_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Load(ModelHandle model, string path);

    /// <summary>Layout of gn_model_options.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ModelOptionsNative
    {
        public int Architecture;
        public int Classes;
        public int NMels;
        public int Attention;
        public int Device;
        public int Reserved;
        public double Dropout;
        public long Seed;

        public static ModelOptionsNative From(ModelOptions o) => new()
        {
            Architecture = (int)o.Architecture,
            Classes = o.Classes,
            NMels = o.NMels,
            Attention = o.Attention ? 1 : 0,
            Device = (int)o.Device,
            Dropout = o.Dropout,
            Seed = o.Seed,
        };
    }
}

using System.Runtime.InteropServices;
using OrleansGenres.Native;

namespace OrleansGenres.Audio.Features;

/// <summary>P/Invoke declarations of the gn_mel_* functions of genres_native.h.</summary>
internal static partial class MelNativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_mel_create")]
    public static partial int Create(in MelOptionsNative options, out MelHandle mel);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_mel_destroy")]
    public static partial void Destroy(IntPtr mel);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_mel_filterbank")]
    public static unsafe partial int Filterbank(MelHandle mel, float* output, long capacity);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_mel_compute")]
    public static unsafe partial int Compute(MelHandle mel, float* signals, long batch, long samples, float* output, long capacity);

    /// <summary>Layout of gn_mel_options.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MelOptionsNative
    {
        public int SampleRate;
        public int NFft;
        public int HopLength;
        public int WinLength;
        public int NMels;
        public int MelScale;
        public int FilterNorm;
        public int Center;
        public int PadMode;
        public int OutputDb;
        public int Normalization;
        public int Reserved;
        public double FMin;
        public double FMax;
        public double Power;
        public double AMin;
        public double Ref;
        public double TopDb;

        public static MelOptionsNative From(MelOptions o) => new()
        {
            SampleRate = o.SampleRate,
            NFft = o.NFft,
            HopLength = o.HopLength,
            WinLength = o.WinLength ?? 0,
            NMels = o.NMels,
            MelScale = (int)o.Scale,
            FilterNorm = (int)o.Norm,
            Center = o.Center ? 1 : 0,
            PadMode = (int)o.PadMode,
            OutputDb = o.Decibels ? 1 : 0,
            Normalization = (int)o.Normalization,
            FMin = o.FMin,
            FMax = o.FMax ?? 0,
            Power = o.Power,
            AMin = o.AMin,
            Ref = o.Reference,
            TopDb = o.TopDb ?? 0,
        };
    }
}

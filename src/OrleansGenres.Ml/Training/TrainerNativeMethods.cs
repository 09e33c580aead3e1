using System.Runtime.InteropServices;
using OrleansGenres.Ml.Models;
using OrleansGenres.Native;

namespace OrleansGenres.Ml.Training;

/// <summary>P/Invoke declarations of the gn_trainer_* functions of genres_native.h.</summary>
internal static unsafe partial class TrainerNativeMethods
{
    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_create")]
    public static partial int Create(ModelHandle model, in TrainerOptionsNative options, out TrainerHandle trainer);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_destroy")]
    public static partial void Destroy(IntPtr trainer);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_step")]
    public static partial int Step(TrainerHandle trainer, float* inputs, long batch, long nMels, long frames, float* targets, long targetCount, out double loss, float* logits, long logitsCapacity);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_augment")]
    public static partial int Augment(TrainerHandle trainer, float* inputs, long batch, long nMels, long frames, float* outputs, long capacity);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_evaluate")]
    public static partial int Evaluate(TrainerHandle trainer, float* inputs, long batch, long nMels, long frames, float* targets, long targetCount, out double loss, float* logits, long logitsCapacity);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_end_epoch")]
    public static partial int EndEpoch(TrainerHandle trainer, double validationLoss, out double learningRate);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_learning_rate")]
    public static partial int LearningRate(TrainerHandle trainer, out double learningRate);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_save", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Save(TrainerHandle trainer, string path);

    [LibraryImport(GenresNative.Name, EntryPoint = "gn_trainer_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Load(TrainerHandle trainer, string path);

    /// <summary>Layout of gn_trainer_options.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TrainerOptionsNative
    {
        public int Loss;
        public int Optimizer;
        public int Schedule;
        public int Epochs;
        public int PlateauPatience;
        public int FreqMasks;
        public int FreqMaskWidth;
        public int TimeMasks;
        public int TimeMaskWidth;
        public int FreqShiftBins;
        public double LearningRate;
        public double WeightDecay;
        public double GradClipNorm;
        public double PlateauFactor;
        public double MinLearningRate;
        public double FocalGammaPositive;
        public double FocalGammaNegative;
        public double FocalClip;
        public float* ClassWeights;
        public long ClassWeightCount;
        public long Seed;
        public double TimeStretch;
    }
}

namespace OrleansGenres.Ml.Models;

/// <summary>The network families the native library builds (values match GN_MODEL_* in genres_native.h).</summary>
public enum ModelArchitecture
{
    /// <summary>Three conv blocks (32/64/128), optional CBAM attention, global pooling, two FC layers.</summary>
    Cnn = 0,

    /// <summary>ResNet-18 with a one-channel stem.</summary>
    ResNet18 = 1,

    /// <summary>Residual convs → sequence → CLS + Transformer encoder → LayerNorm → SwiGLU head (~125k parameters).</summary>
    ResTransformer = 2,

    /// <summary>1-D convolutions over time with the mel bands as channels, mean + max pooled: cheap on long windows.</summary>
    TemporalCnn = 3,
}

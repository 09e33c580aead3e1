namespace OrleansGenres.Native;

/// <summary>Status codes of the C ABI (gn_status in genres_native.h).</summary>
public enum NativeStatus
{
    Ok = 0,
    InvalidArgument = 1,
    OutOfMemory = 2,
    TorchError = 3,
    BufferTooSmall = 4,
    UnknownError = 99,
}

namespace OrleansGenres.Native;

/// <summary>A native call failed; <see cref="Status"/> says how, the message is the native library's own.</summary>
public sealed class NativeException(NativeStatus status, string message) : Exception(message)
{
    public NativeStatus Status { get; } = status;
}

// Why this file exists: the package registry this repository builds against does not hold the System.IO.Hashing
// package that Azure.Storage.Common needs. The SDK only derives its CRC64 calculator from this abstract type, so
// this project provides it with the real package's public API (System.IO.Hashing 6.0.0). Delete the whole project
// (src/System.IO.Hashing) when the registry holds the package.
using System.Buffers;
using System.ComponentModel;

namespace System.IO.Hashing;

/// <summary>Represents a non-cryptographic hash algorithm (API of System.IO.Hashing 6.0.0).</summary>
public abstract class NonCryptographicHashAlgorithm
{
    private const int StreamBufferSize = 4096;

    /// <summary>Called from constructors in derived classes to initialise the hash length.</summary>
    protected NonCryptographicHashAlgorithm(int hashLengthInBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashLengthInBytes, 1);
        HashLengthInBytes = hashLengthInBytes;
    }

    /// <summary>Gets the number of bytes produced from this hash algorithm.</summary>
    public int HashLengthInBytes { get; }

    /// <summary>Appends the contents of <paramref name="source"/> to the data already processed.</summary>
    public abstract void Append(ReadOnlySpan<byte> source);

    /// <summary>Resets the hash computation to the initial state.</summary>
    public abstract void Reset();

    /// <summary>Writes the computed hash value to <paramref name="destination"/> without modifying state.</summary>
    protected abstract void GetCurrentHashCore(Span<byte> destination);

    /// <summary>Appends the contents of <paramref name="source"/> to the data already processed.</summary>
    public void Append(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Append(new ReadOnlySpan<byte>(source));
    }

    /// <summary>Appends the contents of <paramref name="stream"/> to the data already processed.</summary>
    public void Append(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Append(new ReadOnlySpan<byte>(buffer, 0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Asynchronously reads the contents of <paramref name="stream"/> and appends them.</summary>
    public Task AppendAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return AppendCoreAsync(stream, cancellationToken);
    }

    private async Task AppendCoreAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                Append(new ReadOnlySpan<byte>(buffer, 0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gets the current computed hash value without modifying accumulated state.</summary>
    public byte[] GetCurrentHash()
    {
        byte[] result = new byte[HashLengthInBytes];
        GetCurrentHashCore(result);
        return result;
    }

    /// <summary>Attempts to write the current computed hash value to <paramref name="destination"/>.</summary>
    public bool TryGetCurrentHash(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        GetCurrentHashCore(destination[..HashLengthInBytes]);
        bytesWritten = HashLengthInBytes;
        return true;
    }

    /// <summary>Writes the current computed hash value to <paramref name="destination"/>.</summary>
    public int GetCurrentHash(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        GetCurrentHashCore(destination[..HashLengthInBytes]);
        return HashLengthInBytes;
    }

    /// <summary>Gets the current computed hash value and clears the accumulated state.</summary>
    public byte[] GetHashAndReset()
    {
        byte[] result = new byte[HashLengthInBytes];
        GetHashAndResetCore(result);
        return result;
    }

    /// <summary>Attempts to write the computed hash value to <paramref name="destination"/>, then resets.</summary>
    public bool TryGetHashAndReset(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        GetHashAndResetCore(destination[..HashLengthInBytes]);
        bytesWritten = HashLengthInBytes;
        return true;
    }

    /// <summary>Writes the computed hash value to <paramref name="destination"/>, then resets.</summary>
    public int GetHashAndReset(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        GetHashAndResetCore(destination[..HashLengthInBytes]);
        return HashLengthInBytes;
    }

    /// <summary>Writes the computed hash value to <paramref name="destination"/>, then resets.</summary>
    protected virtual void GetHashAndResetCore(Span<byte> destination)
    {
        GetCurrentHashCore(destination);
        Reset();
    }

    /// <summary>This method is not supported and throws <see cref="NotSupportedException"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use GetCurrentHash() to retrieve the computed hash code.", true)]
    public override int GetHashCode() => throw new NotSupportedException("GetHashCode is not supported on hash algorithms.");
}

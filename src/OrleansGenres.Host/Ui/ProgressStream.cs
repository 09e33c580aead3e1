namespace OrleansGenres.Host.Ui;

/// <summary>A read-only stream that reports how much of an expected length has been read (a browser file arriving over the circuit).</summary>
public sealed class ProgressStream(Stream inner, long expectedLength, Action<double> onPercent) : Stream
{
    private long _read;
    private int _lastPercent = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedLength;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Report(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Report(int read)
    {
        _read += read;
        var percent = expectedLength > 0 ? (int)Math.Min(100, _read * 100 / expectedLength) : 100;
        if (percent != _lastPercent)
        {
            _lastPercent = percent;
            onPercent(percent);
        }

        return read;
    }
}

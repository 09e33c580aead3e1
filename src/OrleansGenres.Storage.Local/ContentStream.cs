namespace OrleansGenres.Storage.Local;

/// <summary>A read-only, seekable view of the content part of an object file (the header is hidden).</summary>
internal sealed class ContentStream : Stream
{
    private readonly FileStream _file;
    private readonly long _offset;
    private readonly long _length;

    public ContentStream(FileStream file, long offset, long length)
    {
        _file = file;
        _offset = offset;
        _length = length;
        _file.Position = offset;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _file.Position - _offset;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _file.Position = _offset + value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _file.Read(buffer[..Clamp(buffer.Length)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _file.ReadAsync(buffer[..Clamp(buffer.Length)], cancellationToken);

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        Position = target;
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Clamp(int requested) => (int)Math.Clamp(_length - Position, 0, requested);
}

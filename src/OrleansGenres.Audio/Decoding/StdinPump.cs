namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Copies a caller's stream into ffmpeg's stdin. Counts the bytes and keeps the first and last few of them, so
/// the end of the input can be checked (<see cref="OggCompleteness"/>) without holding the input. Stopping
/// cancels the copy, so a caller's stream that stalls never blocks disposal.
/// </summary>
internal sealed class StdinPump
{
    private const int HeadBytes = 4;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _head = new byte[HeadBytes];
    private readonly byte[] _tail = new byte[OggCompleteness.TailBytes];
    private int _headLength;
    private int _tailLength;

    public StdinPump(Stream input, Stream stdin)
    {
        Completion = CopyAsync(input, stdin, _stop.Token);
    }

    /// <summary>Bytes copied, once the input has ended, ffmpeg stopped reading or the pump was stopped.</summary>
    public Task<long> Completion { get; }

    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

    public void Stop() => _stop.Cancel();

    /// <summary>Stops the copy and waits a bounded time for it: a stream that ignores cancellation is left behind.</summary>
    public async Task StopAsync()
    {
        Stop();
        await ((Task)Completion).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task<long> CopyAsync(Stream input, Stream stdin, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                Remember(buffer.AsSpan(0, read));
                total += read;
                await stdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // ffmpeg exited (broken pipe; its exit code tells why) or the pump was stopped.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing a pipe whose reader is gone.
            }
        }

        return total;
    }

    private void Remember(ReadOnlySpan<byte> chunk)
    {
        if (_headLength < HeadBytes)
        {
            var take = Math.Min(HeadBytes - _headLength, chunk.Length);
            chunk[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }

        if (chunk.Length >= _tail.Length)
        {
            chunk[^_tail.Length..].CopyTo(_tail);
            _tailLength = _tail.Length;
            return;
        }

        var keep = Math.Min(_tailLength, _tail.Length - chunk.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        chunk.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + chunk.Length;
    }
}

using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Native;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>
/// The in-process decoder's own contract: the C ABI (statuses, messages, the end of a bad input reported on every
/// later read), libav's log routed to the handle that caused it, and the temporary copy of a stream.
/// </summary>
public sealed class LibavDecoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public LibavDecoderTests() => GenresNative.EnsureCompatible();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_rejects_a_rate_out_of_range_as_an_invalid_argument()
    {
        var path = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=0.1");

        var status = Open(path, 999, out var decoder);

        using (decoder)
        {
            Assert.Equal(NativeStatus.InvalidArgument, status);
            Assert.Contains("sample_rate", NativeCall.LastErrorMessage(), StringComparison.Ordinal);
            Assert.True(decoder.IsInvalid);
        }
    }

    [Fact]
    public void Open_of_a_missing_file_is_DecodeNotFound_with_a_message_without_the_path()
    {
        var status = Open(_temp.File("missing.mp3"), 16000, out var decoder);

        using (decoder)
        {
            Assert.Equal(NativeStatus.DecodeNotFound, status);
            Assert.Equal("file not found", NativeCall.LastErrorMessage());
        }
    }

    [Fact]
    public unsafe void Read_needs_room_for_at_least_one_sample()
    {
        var path = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=0.1");
        Assert.Equal(NativeStatus.Ok, Open(path, 16000, out var decoder));
        using (decoder)
        {
            var buffer = new float[1];
            fixed (float* output = buffer)
            {
                Assert.Equal((int)NativeStatus.InvalidArgument, DecoderNativeMethods.Read(decoder, output, 0, out _));
            }
        }
    }

    [Fact]
    public void The_end_is_reported_again_on_every_later_read()
    {
        var good = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=0.5:sample_rate=16000");
        var cut = Truncate(GeneratedAudio.Create(_temp.File("whole.wav"), "sine=frequency=440:duration=2"), _temp.File("cut.wav"), 0.5);

        Assert.Equal([8000L, 0, 0, 0], ReadsUntilEnd(good, extraReads: 2).Select(r => r.Written));
        var ends = ReadsUntilEnd(cut, extraReads: 2).SkipWhile(r => r.Status == NativeStatus.Ok).ToList();
        Assert.Equal(3, ends.Count);
        Assert.All(ends, end => Assert.Equal(NativeStatus.DecodeTruncated, end.Status));
    }

    [Fact]
    public async Task Log_messages_go_to_the_decoder_that_caused_them_when_decoders_share_or_split_threads()
    {
        var good = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=2", "-c:a", "pcm_s16le");
        var cut = Truncate(GeneratedAudio.Create(_temp.File("whole.wav"), "sine=frequency=440:duration=2", "-c:a", "pcm_s16le"), _temp.File("cut.wav"), 0.5);

        // One thread, reads interleaved chunk by chunk: the corrupt file's warnings must not leak into the good one.
        await using (var clean = new LibavDecoder().OpenFile(good, 16000))
        await using (var damaged = new LibavDecoder().OpenFile(cut, 16000))
        {
            var buffer = new float[257];
            var cleanDone = false;
            var damagedError = (AudioDecodeException?)null;
            while (!cleanDone || damagedError is null)
            {
                if (!cleanDone)
                {
                    cleanDone = await clean.ReadAsync(buffer) == 0;
                }

                if (damagedError is null)
                {
                    damagedError = await Record.ExceptionAsync(async () => await damaged.ReadAsync(buffer)) as AudioDecodeException;
                }
            }

            Assert.Equal(DecodeErrorKind.Truncated, damagedError.Kind);
        }

        // Many threads at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            var path = i % 2 == 0 ? good : cut;
            var error = await Record.ExceptionAsync(() => DecodeAllAsync(() => new LibavDecoder().OpenFile(path, 16000)));
            return (Path: path, Error: error);
        })));
        Assert.All(results.Where(r => r.Path == good), r => Assert.Null(r.Error));
        Assert.All(results.Where(r => r.Path == cut), r => Assert.Equal(DecodeErrorKind.Truncated, Assert.IsType<AudioDecodeException>(r.Error).Kind));
    }

    [Fact]
    public async Task A_stream_is_copied_to_a_private_temporary_file_that_disposal_removes()
    {
        var bytes = RandomBytes(seed: 3, length: 100_000);

        var spooled = await SpooledInput.CopyAsync(new MemoryStream(bytes), CancellationToken.None);
        var path = spooled.Path;
        try
        {
            Assert.Equal(bytes.Length, spooled.Length);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            spooled.Dispose();
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Decoding_a_stream_leaves_no_temporary_file_behind()
    {
        var path = GeneratedAudio.Create(_temp.File("tone.flac"), "sine=frequency=1000:duration=1", "-c:a", "flac");
        var before = TemporaryCopies();

        var samples = await DecodeAllAsync(() => new LibavDecoder().OpenStream(new MemoryStream(File.ReadAllBytes(path)), 16000));
        var error = await DecodeErrorAsync(() => new LibavDecoder().OpenStream(new MemoryStream(RandomBytes(seed: 9, length: 5000)), 16000));

        Assert.Equal(16000, samples.Length);
        Assert.Equal(DecodeErrorKind.InvalidData, error.Kind);
        // Other tests may be copying streams at the same time: only this test's copies must be gone.
        Assert.DoesNotContain(TemporaryCopies().Except(before), File.Exists);
    }

    private static string[] TemporaryCopies() => Directory.GetFiles(Path.GetTempPath(), "orleansgenres-decode-*");

    private static NativeStatus Open(string path, int sampleRate, out DecoderHandle decoder)
    {
        var options = new DecoderNativeMethods.DecoderOptionsNative { SampleRate = sampleRate, FailOnCorruption = 1 };
        return (NativeStatus)DecoderNativeMethods.Open(path, options, out decoder);
    }

    private static unsafe List<(NativeStatus Status, long Written)> ReadsUntilEnd(string path, int extraReads)
    {
        Assert.Equal(NativeStatus.Ok, Open(path, 16000, out var decoder));
        using (decoder)
        {
            var buffer = new float[100_000];
            var reads = new List<(NativeStatus, long)>();
            fixed (float* output = buffer)
            {
                while (true)
                {
                    var status = (NativeStatus)DecoderNativeMethods.Read(decoder, output, buffer.Length, out var written);
                    reads.Add((status, written));
                    if (status != NativeStatus.Ok || written == 0)
                    {
                        break;
                    }
                }

                for (var i = 0; i < extraReads; i++)
                {
                    var status = (NativeStatus)DecoderNativeMethods.Read(decoder, output, buffer.Length, out var written);
                    reads.Add((status, written));
                }
            }

            return reads;
        }
    }
}

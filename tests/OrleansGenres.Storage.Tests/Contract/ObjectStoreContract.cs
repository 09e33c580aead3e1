namespace OrleansGenres.Storage.Tests.Contract;

/// <summary>What every <see cref="IObjectStore"/> must do, run against each backend.</summary>
public abstract class ObjectStoreContract : StorageContract
{
    [Fact]
    public async Task Put_then_get_round_trips_content_metadata_and_content_type()
    {
        var metadata = new Dictionary<string, string> { ["tenant"] = "acme", ["kind"] = "original", ["Mixed_Case1"] = "a b=c" };
        ObjectProperties written = await Store.PutAsync(
            "audio/acme/track-1", Bytes("some audio"), new PutOptions { ContentType = "audio/mpeg", Metadata = metadata });

        Assert.Equal("audio/acme/track-1", written.Key);
        Assert.Equal(10, written.Length);
        Assert.Equal("audio/mpeg", written.ContentType);
        Assert.False(string.IsNullOrEmpty(written.ETag.Value));

        StoredObject? stored = await Store.GetAsync("audio/acme/track-1");
        Assert.NotNull(stored);
        await using (stored)
        {
            using var reader = new StreamReader(stored.Content);
            Assert.Equal("some audio", await reader.ReadToEndAsync());
            Assert.Equal(written.ETag, stored.Properties.ETag);
            Assert.Equal(10, stored.Properties.Length);
            Assert.Equal("audio/mpeg", stored.Properties.ContentType);
            Assert.Equal("acme", stored.Properties.Metadata["tenant"]);
            Assert.Equal("original", stored.Properties.Metadata["KIND"]); // names are case-insensitive, like headers
            Assert.Equal("a b=c", stored.Properties.Metadata["mixed_case1"]);
            Assert.Equal(3, stored.Properties.Metadata.Count);
            Assert.InRange(stored.Properties.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        }

        ObjectProperties? properties = await Store.GetPropertiesAsync("audio/acme/track-1");
        Assert.NotNull(properties);
        Assert.Equal(written.ETag, properties.ETag);
        Assert.Equal(10, properties.Length);
        Assert.Equal("acme", properties.Metadata["tenant"]);
    }

    [Fact]
    public async Task Absent_objects_read_as_null()
    {
        Assert.Null(await Store.GetAsync("nothing/here"));
        Assert.Null(await Store.GetPropertiesAsync("nothing/here"));
    }

    [Fact]
    public async Task Defaults_are_octet_stream_and_no_metadata()
    {
        ObjectProperties written = await Store.PutAsync("plain", Bytes(""));

        Assert.Equal(0, written.Length);
        ObjectProperties? read = await Store.GetPropertiesAsync("plain");
        Assert.NotNull(read);
        Assert.Equal(PutOptions.DefaultContentType, read.ContentType);
        Assert.Empty(read.Metadata);
        Assert.Equal(0, read.Length);
    }

    [Fact]
    public async Task Large_content_from_a_non_seekable_stream_round_trips()
    {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(content);

        ObjectProperties written = await Store.PutAsync("big/blob.bin", new ForwardOnlyStream(content));

        Assert.Equal(content.Length, written.Length);
        VersionedValue<byte[]>? read = await Store.GetBytesAsync("big/blob.bin");
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(content.AsSpan().SequenceEqual(read.Value));
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        ObjectProperties first = await Store.PutAsync("doc", Bytes("1"));
        ObjectProperties second = await Store.PutAsync("doc", Bytes("2"));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("2", await ReadTextAsync("doc"));
    }

    [Fact]
    public async Task If_none_match_creates_only_once()
    {
        await Store.PutAsync("jobs/1", Bytes("first"), new PutOptions { IfNoneMatch = true });

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync("jobs/1", Bytes("second"), new PutOptions { IfNoneMatch = true }));
        Assert.Equal("first", await ReadTextAsync("jobs/1"));
    }

    [Fact]
    public async Task If_match_succeeds_with_the_current_etag_and_fails_with_a_stale_one()
    {
        ObjectProperties v1 = await Store.PutAsync("state", Bytes("v1"));
        ObjectProperties v2 = await Store.PutAsync("state", Bytes("v2"), new PutOptions { IfMatch = v1.ETag });

        PreconditionFailedException failure = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync("state", Bytes("v3"), new PutOptions { IfMatch = v1.ETag }));

        Assert.Equal("state", failure.Key);
        Assert.Equal("v2", await ReadTextAsync("state"));
        Assert.Equal(v2.ETag, (await Store.GetPropertiesAsync("state"))!.ETag);
    }

    [Fact]
    public async Task If_match_on_an_absent_object_fails()
    {
        ObjectProperties other = await Store.PutAsync("elsewhere", Bytes("x"));

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync("absent", Bytes("v"), new PutOptions { IfMatch = other.ETag }));
        Assert.Null(await Store.GetPropertiesAsync("absent"));
    }

    [Fact]
    public async Task Conflicting_conditions_and_bad_metadata_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.PutAsync("k", Bytes("v"), new PutOptions { IfNoneMatch = true, IfMatch = new ETag("\"x\"") }));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.PutAsync("k", Bytes("v"), new PutOptions { Metadata = new Dictionary<string, string> { ["bad-name"] = "v" } }));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.PutAsync("k", Bytes("v"), new PutOptions { Metadata = new Dictionary<string, string> { ["name"] = "naïve" } }));
        Assert.Null(await Store.GetPropertiesAsync("k"));
    }

    [Fact]
    public async Task Twenty_concurrent_creates_have_exactly_one_winner()
    {
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await Store.PutAsync("tracks/acme/same", Bytes($"writer {i}"), new PutOptions { IfNoneMatch = true });
                return i;
            }
            catch (PreconditionFailedException)
            {
                return -1;
            }
        });

        int[] results = await Task.WhenAll(attempts);

        int winner = Assert.Single(results, r => r >= 0);
        Assert.Equal($"writer {winner}", await ReadTextAsync("tracks/acme/same"));
    }

    [Fact]
    public async Task Ten_concurrent_read_modify_write_increments_end_at_ten()
    {
        await Store.PutJsonAsync("counter", new Counter(0));

        var increments = Enumerable.Range(0, 10).Select(async _ =>
        {
            int conflicts = 0;
            while (true)
            {
                VersionedValue<Counter> current = (await Store.GetJsonAsync<Counter>("counter"))!;
                try
                {
                    await Store.PutJsonAsync("counter", new Counter(current.Value.Value + 1), new PutOptions { IfMatch = current.ETag });
                    return conflicts;
                }
                catch (PreconditionFailedException)
                {
                    conflicts++;
                    await Task.Delay(Random.Shared.Next(1, 10));
                }
            }
        });

        await Task.WhenAll(increments);

        Assert.Equal(10, (await Store.GetJsonAsync<Counter>("counter"))!.Value.Value);
    }

    [Fact]
    public async Task Mutate_json_changes_only_existing_documents_rereads_on_conflicts_and_skips_unchanged_writes()
    {
        Assert.Equal((null, false), await Store.MutateJsonAsync<Counter>("mutated", c => c with { Value = 1 }));
        Assert.Null(await Store.GetPropertiesAsync("mutated"));

        await Store.PutJsonAsync("mutated", new Counter(0));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.MutateJsonAsync<Counter>(
            "mutated", c => c with { Value = c.Value + 1 }, c => new PutOptions { Metadata = new Dictionary<string, string> { ["value"] = c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) } })));
        var properties = (await Store.GetPropertiesAsync("mutated"))!;
        Assert.Equal(8, (await Store.GetJsonAsync<Counter>("mutated"))!.Value.Value);
        Assert.Equal("8", properties.Metadata["value"]);

        // Null or the same instance: nothing written, the ETag stays.
        Assert.Equal((new Counter(8), false), await Store.MutateJsonAsync<Counter>("mutated", _ => null));
        Assert.Equal((new Counter(8), false), await Store.MutateJsonAsync<Counter>("mutated", c => c));
        Assert.Equal(properties.ETag, (await Store.GetPropertiesAsync("mutated"))!.ETag);
    }

    [Fact]
    public async Task Update_json_creates_when_absent_and_retries_conflicts()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.UpdateJsonAsync<Counter>("updated", c => new Counter((c?.Value ?? 0) + 1))));

        VersionedValue<Counter>? result = await Store.GetJsonAsync<Counter>("updated");
        Assert.NotNull(result);
        Assert.Equal(8, result.Value.Value);
        Assert.Equal(StorageJson.ContentType, (await Store.GetPropertiesAsync("updated"))!.ContentType);
        Assert.Equal("{\"value\":8}", await ReadTextAsync("updated")); // camelCase web defaults
    }

    [Fact]
    public async Task Delete_with_and_without_etag()
    {
        ObjectProperties a = await Store.PutAsync("del/a", Bytes("a"));
        await Store.PutAsync("del/b", Bytes("b"));

        Assert.True(await Store.DeleteAsync("del/b"));
        Assert.False(await Store.DeleteAsync("del/b"));
        Assert.Null(await Store.GetAsync("del/b"));

        ObjectProperties a2 = await Store.PutAsync("del/a", Bytes("a2"));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync("del/a", a.ETag));
        Assert.Equal("a2", await ReadTextAsync("del/a"));

        Assert.True(await Store.DeleteAsync("del/a", a2.ETag));
        Assert.Null(await Store.GetPropertiesAsync("del/a"));
        Assert.False(await Store.DeleteAsync("del/a", a2.ETag)); // absent: false, even with a condition
    }

    [Fact]
    public async Task List_by_prefix_is_ordered_has_metadata_and_respects_prefix_boundaries()
    {
        string[] keys = ["list/a/2", "list/ab", "list/a/1", "list/a-b/1", "list/a.json", "list/.dot", "list/b/1", "other/x", "listing"];
        foreach (string key in keys)
        {
            await Store.PutAsync(key, Bytes(key), new PutOptions { Metadata = new Dictionary<string, string> { ["source"] = key.Replace('/', '_') } });
        }

        Assert.Equal(["list/a/1", "list/a/2"], await KeysAsync("list/a/"));
        // A plain string prefix, ordered by ordinal: '-' < '.' < '/' < letters.
        Assert.Equal(["list/a-b/1", "list/a.json", "list/a/1", "list/a/2", "list/ab"], await KeysAsync("list/a"));
        Assert.Equal(["list/.dot", "list/a-b/1", "list/a.json", "list/a/1", "list/a/2", "list/ab", "list/b/1"], await KeysAsync("list/"));
        Assert.Equal(["list/.dot", "list/a-b/1", "list/a.json", "list/a/1", "list/a/2", "list/ab", "list/b/1", "listing"], await KeysAsync("list"));
        Assert.Equal(keys.Order(StringComparer.Ordinal), await KeysAsync(""));
        Assert.Empty(await KeysAsync("list/c"));
        Assert.Empty(await KeysAsync("nothing/"));

        ObjectProperties listed = await Store.ListAsync("list/a/1").SingleAsync();
        Assert.Equal("list_a_1", listed.Metadata["source"]);
        Assert.Equal(8, listed.Length);
        Assert.Equal((await Store.GetPropertiesAsync("list/a/1"))!.ETag, listed.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("a/../b")]
    [InlineData("a/./b")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    [InlineData("a:b")]
    [InlineData("a~obj")]
    [InlineData("%2e%2e/x")]
    [InlineData("tracks/ac\u00e9")]
    [InlineData("a\0b")]
    public async Task Invalid_keys_are_rejected(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetPropertiesAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    [Fact]
    public async Task Overlong_keys_and_bad_prefixes_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(new string('a', 100) + "/" + new string('b', 201), Bytes("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(string.Join('/', Enumerable.Repeat(new string('c', 100), 6)), Bytes("x")));
        Assert.Throws<ArgumentException>(() => Store.ListAsync("../"));
        Assert.Throws<ArgumentException>(() => Store.ListAsync("/"));
        Assert.Throws<ArgumentException>(() => Store.ListAsync("a//"));
        Assert.Throws<ArgumentException>(() => Store.ListAsync("a b"));
    }

    [Fact]
    public async Task Json_and_bytes_helpers_carry_the_etag()
    {
        ObjectProperties written = await Store.PutJsonAsync("docs/one.json", new Counter(41));
        VersionedValue<Counter>? read = await Store.GetJsonAsync<Counter>("docs/one.json");

        Assert.Equal(new Counter(41), read!.Value);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Null(await Store.GetJsonAsync<Counter>("docs/none.json"));

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutJsonAsync("docs/one.json", new Counter(0), new PutOptions { IfNoneMatch = true }));

        ObjectProperties bytes = await Store.PutBytesAsync("docs/raw", new byte[] { 1, 2, 3 }, new PutOptions { ContentType = "application/x-test" });
        VersionedValue<byte[]>? raw = await Store.GetBytesAsync("docs/raw");
        Assert.Equal([1, 2, 3], raw!.Value);
        Assert.Equal(bytes.ETag, raw.ETag);
        Assert.Equal("application/x-test", bytes.ContentType);
    }

    [Fact]
    public async Task Health_check_reports_healthy()
    {
        StorageHealth health = await Provider.CheckAsync();

        Assert.True(health.IsHealthy, health.Description);
    }

    private async Task<string[]> KeysAsync(string prefix) => await Store.ListAsync(prefix).Select(p => p.Key).ToArrayAsync();

    private sealed record Counter(int Value);

    /// <summary>A stream that cannot seek or tell its length, like a request body.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 8192));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

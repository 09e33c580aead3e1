using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>
/// Two providers on one data folder stand in for two host processes: they share no in-process lock, so only the
/// lock files (flock) and atomic renames keep them from corrupting each other.
/// </summary>
public sealed class LocalSharedFolderTests : IDisposable
{
    private readonly TempDirectory _folder = new("storage");
    private readonly LocalStorageProvider _first;
    private readonly LocalStorageProvider _second;

    public LocalSharedFolderTests()
    {
        _first = new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path });
        _second = new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path });
    }

    [Fact]
    public async Task Racing_creates_from_two_instances_have_exactly_one_winner()
    {
        for (int round = 0; round < 5; round++)
        {
            string key = $"tracks/acme/race-{round}";
            var attempts = Enumerable.Range(0, 20).Select(async i =>
            {
                IObjectStore store = i % 2 == 0 ? _first.Objects : _second.Objects;
                try
                {
                    await store.PutAsync(key, new MemoryStream([(byte)i]), new PutOptions { IfNoneMatch = true });
                    return i;
                }
                catch (PreconditionFailedException)
                {
                    return -1;
                }
            });

            int[] results = await Task.WhenAll(attempts);

            int winner = Assert.Single(results, r => r >= 0);
            Assert.Equal([(byte)winner], (await _second.Objects.GetBytesAsync(key))!.Value);
        }
    }

    [Fact]
    public async Task Read_modify_write_from_two_instances_loses_no_update()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? _first : _second).Objects.UpdateJsonAsync<int>("counter", n => n + 1, maxAttempts: 100)));

        Assert.Equal(20, (await _first.Objects.GetJsonAsync<int>("counter"))!.Value);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _folder.Dispose();
    }
}

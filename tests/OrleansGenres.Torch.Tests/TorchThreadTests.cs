namespace OrleansGenres.Torch.Tests;

public sealed class TorchThreadTests
{
    [Fact]
    public async Task All_work_runs_on_one_dedicated_thread()
    {
        using var torchThread = new TorchThread();
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => torchThread.RunAsync(() => Environment.CurrentManagedThreadId))));

        Assert.Single(ids.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, ids[0]);
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_and_the_thread_keeps_working()
    {
        using var torchThread = new TorchThread();

        await Assert.ThrowsAsync<InvalidOperationException>(() => torchThread.RunAsync(() => throw new InvalidOperationException("boom")));
        Assert.Equal(42, await torchThread.RunAsync(() => 42));
    }

    [Fact]
    public async Task Work_cancelled_before_it_starts_does_not_run()
    {
        using var torchThread = new TorchThread();
        using var gate = new ManualResetEventSlim();
        var blocker = torchThread.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(10)));
        using var cts = new CancellationTokenSource();
        var ran = false;
        var queued = torchThread.RunAsync(() => ran = true, cts.Token);

        cts.Cancel();
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(ran);
    }
}

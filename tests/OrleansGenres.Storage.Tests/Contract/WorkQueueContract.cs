namespace OrleansGenres.Storage.Tests.Contract;

/// <summary>What every <see cref="IWorkQueue"/> must do (Azure Queue Storage semantics), run against each backend.</summary>
public abstract class WorkQueueContract : StorageContract
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Send_receive_complete()
    {
        IWorkQueue queue = Provider.GetQueue("analyze");
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await queue.SendAsync("{\"track\":\"t1\"}");

        QueueMessage message = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.Equal("analyze", queue.Name);
        Assert.Equal("{\"track\":\"t1\"}", message.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.InRange(message.InsertedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(string.IsNullOrEmpty(message.Id));
        Assert.Empty(await queue.ReceiveAsync(1, Long)); // hidden while received

        await queue.CompleteAsync(message);

        Assert.Equal(0, await queue.GetApproximateCountAsync());
        Assert.Empty(await queue.ReceiveAsync(32, OneSecond));
    }

    [Fact]
    public async Task Bodies_round_trip_exactly()
    {
        IWorkQueue queue = Provider.GetQueue("bodies");
        string body = "ünïcødé 🎵 <xml attr=\"1\"> &amp; \n\ttabs and 'quotes'";
        await queue.SendAsync(body);

        Assert.Equal(body, Assert.Single(await queue.ReceiveAsync(1, Long)).Body);
    }

    [Fact]
    public async Task Receive_returns_at_most_max_messages_each_once()
    {
        IWorkQueue queue = Provider.GetQueue("batch");
        for (int i = 0; i < 5; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        IReadOnlyList<QueueMessage> first = await queue.ReceiveAsync(3, Long);
        IReadOnlyList<QueueMessage> rest = await queue.ReceiveAsync(32, Long);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Concat(rest).Select(m => m.Body).Order());
        Assert.Empty(await queue.ReceiveAsync(32, Long));
    }

    [Fact]
    public async Task An_empty_queue_receives_nothing()
    {
        Assert.Empty(await Provider.GetQueue("empty").ReceiveAsync(32, OneSecond));
        Assert.Equal(0, await Provider.GetQueue("empty").GetApproximateCountAsync());
    }

    [Fact]
    public async Task An_unfinished_message_reappears_with_a_higher_dequeue_count_and_its_old_receipt_is_stale()
    {
        IWorkQueue queue = Provider.GetQueue("retry");
        await queue.SendAsync("work");
        QueueMessage first = Assert.Single(await queue.ReceiveAsync(1, OneSecond));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        QueueMessage second = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("work", second.Body);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.Receipt, second.Receipt);
        await Assert.ThrowsAsync<MessageLostException>(() => queue.CompleteAsync(first));
        await Assert.ThrowsAsync<MessageLostException>(() => queue.ExtendAsync(first, Long));

        await queue.CompleteAsync(second);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
        await Assert.ThrowsAsync<MessageLostException>(() => queue.CompleteAsync(second)); // already completed
    }

    [Fact]
    public async Task Extend_keeps_a_message_hidden_and_replaces_its_receipt()
    {
        IWorkQueue queue = Provider.GetQueue("extend");
        await queue.SendAsync("long job");
        QueueMessage received = Assert.Single(await queue.ReceiveAsync(1, OneSecond));

        QueueMessage extended = await queue.ExtendAsync(received, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(await queue.ReceiveAsync(1, Long));
        Assert.Equal(received.Id, extended.Id);
        Assert.Equal(received.Body, extended.Body);
        Assert.NotEqual(received.Receipt, extended.Receipt);
        await Assert.ThrowsAsync<MessageLostException>(() => queue.CompleteAsync(received));
        await queue.CompleteAsync(extended);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Extend_to_zero_gives_a_message_back_at_once_with_its_body()
    {
        IWorkQueue queue = Provider.GetQueue("giveback");
        await queue.SendAsync("give me back");
        QueueMessage received = Assert.Single(await queue.ReceiveAsync(1, Long));

        await queue.ExtendAsync(received, TimeSpan.Zero);
        QueueMessage again = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.Equal(received.Id, again.Id);
        Assert.Equal("give me back", again.Body);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task A_delayed_message_is_invisible_until_its_delay_passes()
    {
        IWorkQueue queue = Provider.GetQueue("delayed");
        await queue.SendAsync("later", OneSecond);

        Assert.Empty(await queue.ReceiveAsync(1, Long));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal("later", Assert.Single(await queue.ReceiveAsync(1, Long)).Body);
    }

    [Fact]
    public async Task Approximate_count_includes_hidden_messages()
    {
        IWorkQueue queue = Provider.GetQueue("counted");
        for (int i = 0; i < 3; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        Assert.Equal(3, await queue.GetApproximateCountAsync());
        QueueMessage received = Assert.Single(await queue.ReceiveAsync(1, Long));
        Assert.Equal(3, await queue.GetApproximateCountAsync());
        await queue.CompleteAsync(received);
        Assert.Equal(2, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Queues_are_independent()
    {
        await Provider.GetQueue("first").SendAsync("one");

        Assert.Empty(await Provider.GetQueue("second").ReceiveAsync(32, OneSecond));
        Assert.Equal("one", Assert.Single(await Provider.GetQueue("first").ReceiveAsync(32, OneSecond)).Body);
    }

    [Fact]
    public async Task Concurrent_receivers_get_each_message_once()
    {
        IWorkQueue queue = Provider.GetQueue("contended");
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => queue.SendAsync($"m{i}")));

        var receivers = Enumerable.Range(0, 4).Select(async _ =>
        {
            var mine = new List<QueueMessage>();
            while (true)
            {
                IReadOnlyList<QueueMessage> batch = await queue.ReceiveAsync(5, Long);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch);
            }
        });
        List<QueueMessage>[] received = await Task.WhenAll(receivers);

        string[] bodies = received.SelectMany(m => m).Select(m => m.Body).ToArray();
        Assert.Equal(24, bodies.Length);
        Assert.Equal(24, bodies.Distinct().Count());
        Assert.All(received.SelectMany(m => m), m => Assert.Equal(1, m.DequeueCount));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Analyze")]
    [InlineData("a_b")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a--b")]
    [InlineData("../x")]
    public void Invalid_queue_names_are_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Provider.GetQueue(name));
    }

    [Fact]
    public async Task Out_of_range_arguments_are_rejected()
    {
        IWorkQueue queue = Provider.GetQueue("limits");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(0, Long));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(33, Long));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(1, TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendAsync("x", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('x', QueueLimits.MaxBodyBytes + 1)));
        await queue.SendAsync(new string('x', QueueLimits.MaxBodyBytes)); // the largest body fits
        Assert.Equal(QueueLimits.MaxBodyBytes, Assert.Single(await queue.ReceiveAsync(1, Long)).Body.Length);
    }
}

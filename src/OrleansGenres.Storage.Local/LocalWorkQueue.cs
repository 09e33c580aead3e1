using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// A durable queue: one file per message under <c>queues/&lt;name&gt;/</c>, content = insertion time and body
/// (immutable), name = visibility time, id, dequeue count and receipt nonce (see <see cref="MessageFileName"/>).
/// Receive, extend and complete are single renames, atomic across threads and processes without any lock;
/// messages survive a restart because they are only ever files.
/// </summary>
internal sealed class LocalWorkQueue : IWorkQueue
{
    private const string DeletedSuffix = ".~del";
    private static readonly TimeSpan AbandonedTempAge = TimeSpan.FromHours(1);

    private readonly string _folder;
    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LocalWorkQueue(string name, string folder, bool flushToDisk, TimeProvider time, ILogger logger)
    {
        Name = name;
        _folder = folder;
        _flushToDisk = flushToDisk;
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(folder);
        RemoveLeftovers();
    }

    public string Name { get; }

    public async Task SendAsync(string body, TimeSpan? visibilityDelay = null, CancellationToken ct = default)
    {
        QueueLimits.ValidateBody(body);
        TimeSpan delay = visibilityDelay ?? TimeSpan.Zero;
        QueueLimits.ValidateVisibility(delay, nameof(visibilityDelay));

        DateTimeOffset now = _time.GetUtcNow();
        var name = new MessageFileName((now + delay).UtcTicks, MessageFileName.NewId(), 0, MessageFileName.NewId());
        string path = Path.Combine(_folder, name.ToString());
        string temp = LocalLayout.TempPathBeside(path);
        try
        {
            byte[] content = JsonSerializer.SerializeToUtf8Bytes(new MessageContent(now, body), LocalJsonContext.Default.MessageContent);
            await AtomicFile.WriteAsync(temp, content, _flushToDisk, ct).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true); // a unique name: overwrite only makes .NET use rename(2)
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        QueueLimits.ValidateReceiveVisibility(visibilityTimeout);

        DateTimeOffset now = _time.GetUtcNow();
        var visible = new List<MessageFileName>();
        foreach (string file in Directory.EnumerateFiles(_folder, "*" + MessageFileName.Extension))
        {
            if (MessageFileName.TryParse(Path.GetFileName(file), out MessageFileName name) && name.VisibleAtTicks <= now.UtcTicks)
            {
                visible.Add(name);
            }
        }

        visible.Sort((a, b) => a.VisibleAtTicks != b.VisibleAtTicks
            ? a.VisibleAtTicks.CompareTo(b.VisibleAtTicks)
            : string.CompareOrdinal(a.Id, b.Id));

        var received = new List<QueueMessage>(Math.Min(maxMessages, visible.Count));
        long hiddenUntil = (now + visibilityTimeout).UtcTicks;
        foreach (MessageFileName candidate in visible)
        {
            if (received.Count == maxMessages)
            {
                break;
            }

            ct.ThrowIfCancellationRequested();
            var claimed = new MessageFileName(hiddenUntil, candidate.Id, candidate.DequeueCount + 1, MessageFileName.NewId());
            if (!TryRename(candidate, claimed))
            {
                continue; // another receiver (thread or process) claimed it first
            }

            MessageContent content = await ReadContentAsync(claimed, ct).ConfigureAwait(false);
            received.Add(new QueueMessage(claimed.Id, claimed.Receipt, content.Body, claimed.DequeueCount, content.InsertedAt));
        }

        return received;
    }

    public Task CompleteAsync(QueueMessage message, CancellationToken ct = default)
    {
        MessageFileName current = Parse(message);
        string path = Path.Combine(_folder, current.ToString());
        string deleted = path + DeletedSuffix;
        try
        {
            // Rename first: it fails atomically when the receipt is stale; a plain delete of a missing file would not.
            File.Move(path, deleted, overwrite: true);
        }
        catch (FileNotFoundException e)
        {
            throw Lost(message, e);
        }

        File.Delete(deleted);
        return Task.CompletedTask;
    }

    public Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueLimits.ValidateVisibility(visibilityTimeout);
        MessageFileName current = Parse(message);
        var extended = current with { VisibleAtTicks = (_time.GetUtcNow() + visibilityTimeout).UtcTicks, Nonce = MessageFileName.NewId() };
        if (!TryRename(current, extended))
        {
            throw Lost(message, null);
        }

        return Task.FromResult(message with { Receipt = extended.Receipt });
    }

    public Task<int> GetApproximateCountAsync(CancellationToken ct = default) =>
        Task.FromResult(Directory.EnumerateFiles(_folder, "*" + MessageFileName.Extension).Count());

    private bool TryRename(MessageFileName from, MessageFileName to)
    {
        try
        {
            // overwrite: true makes .NET call rename(2), atomic; without it .NET links then unlinks, which two racing
            // processes could both "win". The target name is unique (fresh nonce), so nothing is ever overwritten.
            File.Move(Path.Combine(_folder, from.ToString()), Path.Combine(_folder, to.ToString()), overwrite: true);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private async Task<MessageContent> ReadContentAsync(MessageFileName name, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(_folder, name.ToString()), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using (file.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(file, LocalJsonContext.Default.MessageContent, ct).ConfigureAwait(false)
                ?? throw new StorageException($"Message {name.Id} of queue '{Name}' is empty.");
        }
    }

    private MessageFileName Parse(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MessageFileName.TryFromReceipt(message.Id, message.Receipt, out MessageFileName name)
            ? name
            : throw new ArgumentException($"'{message.Receipt}' is not a receipt of queue '{Name}'.", nameof(message));
    }

    private MessageLostException Lost(QueueMessage message, Exception? inner)
    {
        _logger.LogWarning("Message {MessageId} of queue {Queue} was lost: its receipt is stale", message.Id, Name);
        return new MessageLostException(Name, message.Id, inner);
    }

    /// <summary>
    /// Completed messages whose final delete was cut short, and sends abandoned long ago by a crashed process
    /// (recent temporaries may belong to a live process's send in progress).
    /// </summary>
    private void RemoveLeftovers()
    {
        DateTime abandonedBefore = _time.GetUtcNow().UtcDateTime - AbandonedTempAge;
        foreach (string file in Directory.EnumerateFiles(_folder))
        {
            try
            {
                if (file.EndsWith(DeletedSuffix, StringComparison.Ordinal)
                    || (LocalLayout.IsTempFile(file) && File.GetLastWriteTimeUtc(file) < abandonedBefore))
                {
                    File.Delete(file);
                }
            }
            catch (IOException e)
            {
                _logger.LogDebug(e, "Could not remove {File}", file);
            }
        }
    }
}

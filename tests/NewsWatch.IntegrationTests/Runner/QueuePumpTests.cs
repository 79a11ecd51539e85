using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using NewsWatch.Cli.Runner;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Runner;

/// <summary>The local runner's queue trigger keeps the Functions host's promises: retries, then the poison queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueuePumpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly QueueHostSettings Settings = new(BatchSize: 4, MaxDequeueCount: 3, VisibilityTimeout: TimeSpan.Zero, MaxPollingInterval: TimeSpan.FromSeconds(1));

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessBatch_MalformedMessage_LandsInPoisonAfterMaxDequeueCountAndDoesNotBlockOthers()
    {
        var queue = azurite.Storage.Queue(StorageNames.ArticlesQueue);
        await queue.SendMessageAsync("{ this is not json");
        for (var i = 0; i < 6; i++)
        {
            await queue.SendMessageAsync(QueueMessageSerializer.Serialize(Article($"good-{i}")));
        }

        var handled = new ConcurrentBag<string>();
        var attempts = 0;
        var pump = new QueuePump(azurite.Storage, StorageNames.ArticlesQueue, Settings, (body, _) =>
        {
            Interlocked.Increment(ref attempts);
            handled.Add(QueueMessageSerializer.DeserializeArticle(body).ArticleId);
            return Task.CompletedTask;
        }, NullLogger.Instance);

        await DrainAsync(pump);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"good-{i}").Order(), handled.Order());
        Assert.Equal(6 + Settings.MaxDequeueCount, attempts);
        var poison = (await azurite.Storage.Queue(StorageNames.PoisonQueueOf(StorageNames.ArticlesQueue)).ReceiveMessagesAsync(10)).Value;
        Assert.Equal("{ this is not json", Assert.Single(poison).MessageText);
    }

    [Fact]
    public async Task ProcessBatch_TransientFailure_RetriedAndNotPoisoned()
    {
        await azurite.Storage.Queue(StorageNames.AlertsQueue).SendMessageAsync("hello");
        var calls = 0;
        var pump = new QueuePump(azurite.Storage, StorageNames.AlertsQueue, Settings, (_, _) =>
            Interlocked.Increment(ref calls) < 2 ? throw new TimeoutException("storage blinked") : Task.CompletedTask, NullLogger.Instance);

        await DrainAsync(pump);

        Assert.Equal(2, calls);
        var poison = await azurite.Storage.Queue(StorageNames.PoisonQueueOf(StorageNames.AlertsQueue)).GetPropertiesAsync();
        Assert.Equal(0, poison.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ProcessBatch_MessageThatIsNotBase64_MovedToPoisonUnchanged()
    {
        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, StorageNames.ArticlesQueue);
        await raw.SendMessageAsync("plain text, not base64!");
        var pump = new QueuePump(azurite.Storage, StorageNames.ArticlesQueue, Settings, (_, _) => Task.CompletedTask, NullLogger.Instance);

        await DrainAsync(pump);

        var poison = (await azurite.Storage.Queue(StorageNames.PoisonQueueOf(StorageNames.ArticlesQueue)).ReceiveMessagesAsync(10)).Value;
        Assert.Equal("plain text, not base64!", Assert.Single(poison).MessageText);
    }

    private static async Task DrainAsync(QueuePump pump)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await pump.PendingAsync(timeout.Token) > 0)
        {
            await pump.ProcessBatchAsync(timeout.Token);
        }
    }

    private static ArticleDiscovered Article(string id) =>
        new(id, "https://feeds.example/rss", $"https://news.example/{id}", id, "", null, DateTimeOffset.UnixEpoch);
}

using System.Text;
using Azure.Storage.Queues;
using NewsWatch.Classification;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Messages;

/// <summary>Pins the wire format: base64 of UTF-8 JSON, which is what the Functions queue trigger decodes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueEncodingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendMessage_ArticleDiscovered_IsBase64JsonOnTheWireAndRoundTrips()
    {
        var sent = new ArticleDiscovered(
            "a1b2", "https://feeds.example/rss", "https://news.example/ä-deal", "Söhne & Töchter → ‘deal’", "Summary with <b>markup</b> & quotes \"",
            new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 9, 31, 0, TimeSpan.Zero));
        await azurite.Storage.Queue(StorageNames.ArticlesQueue).SendMessageAsync(QueueMessageSerializer.Serialize(sent));

        // What the Functions host sees: the raw message text, which it base64-decodes.
        var raw = new QueueClient(azurite.ConnectionString, StorageNames.ArticlesQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var wire = (await raw.PeekMessageAsync()).Value.Body.ToString();
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(wire));
        Assert.StartsWith("{", json);
        Assert.Contains("\"version\":1", json);

        var received = QueueMessageSerializer.DeserializeArticle(json);
        Assert.Equal(sent, received);
        var consumer = (await azurite.Storage.Queue(StorageNames.ArticlesQueue).ReceiveMessageAsync()).Value;
        Assert.Equal(sent, QueueMessageSerializer.DeserializeArticle(consumer.MessageText));
    }

    [Fact]
    public async Task SendMessage_DealAlert_RoundTripsWithTheWholeAssessment()
    {
        var assessment = new DealAssessment(true, 0.93, "negotiating", "Russia", "Pakistan",
            [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, 12)],
            [new Evidence("transfer", "negotiating the sale")]) { Embargo = "lifted", EvidenceSentence = "Russia is negotiating." };
        var sent = new DealAlert("a1b2", "https://news.example/x", "Title", null, assessment);
        await azurite.Storage.Queue(StorageNames.AlertsQueue).SendMessageAsync(QueueMessageSerializer.Serialize(sent));

        var received = QueueMessageSerializer.DeserializeAlert((await azurite.Storage.Queue(StorageNames.AlertsQueue).ReceiveMessageAsync()).Value.MessageText);

        Assert.Equal(sent with { Assessment = null! }, received with { Assessment = null! });
        Assert.Equal(assessment with { Systems = [], Evidence = [] }, received.Assessment with { Systems = [], Evidence = [] });
        Assert.Equal(assessment.Systems, received.Assessment.Systems);
        Assert.Equal(assessment.Evidence, received.Assessment.Evidence);
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Feeds;
using NewsWatch.Functions;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Pipeline;

/// <summary>
/// The three function classes, called as the Functions host calls them, over Azurite: a local
/// feed server feeds PollFeeds, the real queue messages go to ClassifyArticle and SendAlerts,
/// and the fake SendGrid records what subscribers would receive.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SeedTitle = "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale";

    private FeedServer _feeds = null!;
    private FakeSendGrid _sendGrid = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _feeds = await FeedServer.StartWithFixturesAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, _sendGrid.BaseUrl);

        var subscribers = _host.Get<SubscriberStore>();
        await subscribers.SaveAsync(new Subscriber("pakistan-desk@example.org", ["Pakistan"], []), default);
        await subscribers.SaveAsync(new Subscriber("russia-watch@example.org", ["Russia"], []), default);
        await subscribers.SaveAsync(new Subscriber("helicopters@example.org", [], [WeaponCategory.Aircraft]), default);
        await subscribers.SaveAsync(new Subscriber("everything@example.org", [], []), default);
        await subscribers.SaveAsync(new Subscriber("ships@example.org", [], [WeaponCategory.Ships]), default);
        await subscribers.SaveAsync(new Subscriber("india-ships@example.org", ["India"], [WeaponCategory.Ships]), default);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _feeds.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task Pipeline_SeedStoryInFeed_EmailsEachMatchingSubscriberOnceWithTheFacts()
    {
        await _host.Get<FeedRegistry>().AddAsync(_feeds.UrlOf("arms-desk.xml"), default);

        await new PollFeeds(_host.Get<FeedPoller>()).Run(new TimerInfo(), default);
        Assert.Equal(4, await ConsumeAsync(StorageNames.ArticlesQueue, body => new ClassifyArticle(_host.Get<ArticleAssessor>()).Run(body, default)));
        var alerts = new List<string>();
        Assert.Equal(1, await ConsumeAsync(StorageNames.AlertsQueue, body =>
        {
            alerts.Add(body);
            return new SendAlerts(_host.Get<AlertDispatcher>()).Run(body, default);
        }));

        Assert.Equal(
            ["everything@example.org", "helicopters@example.org", "pakistan-desk@example.org", "russia-watch@example.org"],
            _sendGrid.Recipients.Order());
        foreach (var mail in _sendGrid.Mails)
        {
            Assert.Equal($"NewsWatch: {SeedTitle}", FakeSendGrid.SubjectOf(mail));
            Assert.Equal("alerts@newswatch.example", (string?)mail["from"]!["email"]);
            var text = (string)mail["content"]![0]!["value"]!;
            var html = (string)mail["content"]![1]!["value"]!;
            Assert.Equal("text/plain", (string?)mail["content"]![0]!["type"]);
            Assert.Equal("text/html", (string?)mail["content"]![1]!["type"]);
            foreach (var body in new[] { text, html })
            {
                Assert.Contains("https://arms-desk.example/news/russia-pakistan-mi35?utm_source=rss", body.Replace("&amp;", "&"));
                Assert.Contains("Russia → Pakistan", body);
                Assert.Contains("Mi-35", body);
                Assert.Contains("negotiating", body);
                Assert.Contains("embargo lifted", body);
                Assert.Contains("attack helicopters to Islamabad", body);
            }
        }

        // A second poll finds nothing new, so nothing more is queued or sent.
        await new PollFeeds(_host.Get<FeedPoller>()).Run(new TimerInfo(), default);
        Assert.Equal(0, await ConsumeAsync(StorageNames.ArticlesQueue, _ => Task.CompletedTask));

        // The queue delivers at least once: the same alert again sends nothing.
        await _host.Get<StorageAccount>().Queue(StorageNames.AlertsQueue).SendMessageAsync(alerts[0]);
        Assert.Equal(1, await ConsumeAsync(StorageNames.AlertsQueue, body => new SendAlerts(_host.Get<AlertDispatcher>()).Run(body, default)));
        Assert.Equal(4, _sendGrid.Mails.Count);
        Assert.Empty(_sendGrid.Rejections);
    }

    [Fact]
    public async Task PollFeeds_OneFeedUnreachableAndOneNotAFeed_OthersStillEnqueued()
    {
        _feeds.Routes["/not-a-feed.html"] = ("text/html", "<!DOCTYPE html><html><body>Hello</body></html>");
        var registry = _host.Get<FeedRegistry>();
        await registry.AddAsync(new Uri("http://127.0.0.1:9/nothing-listens-here.xml"), default);
        await registry.AddAsync(_feeds.UrlOf("not-a-feed.html"), default);
        await registry.AddAsync(_feeds.UrlOf("arms-desk.xml"), default);

        var summary = await _host.Get<FeedPoller>().PollAllAsync(default);

        Assert.Equal(new PollSummary(FeedsPolled: 3, FeedsFailed: 2, ArticlesNew: 4), summary);
        var queued = await _host.Get<StorageAccount>().Queue(StorageNames.ArticlesQueue).GetPropertiesAsync();
        Assert.Equal(4, queued.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendAlerts_OneRecipientRefused_OthersSentAndRetrySendsOnlyTheMissingOne()
    {
        await _host.Get<FeedRegistry>().AddAsync(_feeds.UrlOf("arms-desk.xml"), default);
        await new PollFeeds(_host.Get<FeedPoller>()).Run(new TimerInfo(), default);
        await ConsumeAsync(StorageNames.ArticlesQueue, body => new ClassifyArticle(_host.Get<ArticleAssessor>()).Run(body, default));
        var alert = (await _host.Get<StorageAccount>().Queue(StorageNames.AlertsQueue).ReceiveMessageAsync()).Value.MessageText;
        var sendAlerts = new SendAlerts(_host.Get<AlertDispatcher>());
        _sendGrid.Refuse["helicopters@example.org"] = true;

        await Assert.ThrowsAsync<AggregateException>(() => sendAlerts.Run(alert, default));
        Assert.Equal(3, _sendGrid.Mails.Count);

        _sendGrid.Refuse.Clear();
        await sendAlerts.Run(alert, default);
        Assert.Equal(4, _sendGrid.Mails.Count);
        Assert.Single(_sendGrid.Recipients, r => r == "helicopters@example.org");
    }

    /// <summary>Receives and completes messages as the queue trigger would; returns how many.</summary>
    private async Task<int> ConsumeAsync(string queueName, Func<string, Task> function)
    {
        var queue = _host.Get<StorageAccount>().Queue(queueName);
        var count = 0;
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                await function(message.MessageText);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                count++;
            }
        }

        return count;
    }
}

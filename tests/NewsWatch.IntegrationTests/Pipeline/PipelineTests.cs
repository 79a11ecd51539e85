using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Feeds;
using NewsWatch.Functions;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
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

        Assert.Equal(1, await PollAsync());
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
            Assert.Equal("[NewsWatch] Russia → Pakistan: Mi-35 (negotiating)", FakeSendGrid.SubjectOf(mail));
            Assert.Equal("alerts@newswatch.example", (string?)mail["from"]!["email"]);
            Assert.Equal("newswatch-alert", (string?)mail["categories"]![0]);
            Assert.Equal(QueueMessageSerializer.DeserializeAlert(alerts[0]).ArticleId, (string?)mail["personalizations"]![0]!["custom_args"]!["article_id"]);
            var text = (string)mail["content"]![0]!["value"]!;
            var html = (string)mail["content"]![1]!["value"]!;
            Assert.Equal("text/plain", (string?)mail["content"]![0]!["type"]);
            Assert.Equal("text/html", (string?)mail["content"]![1]!["type"]);
            Assert.Contains("https://arms-desk.example/news/russia-pakistan-mi35?utm_source=rss", html.Replace("&amp;", "&"));
            Assert.Contains("embargo lifted", text);
            Assert.Contains(">Embargo</th><td style=\"padding:4px 0\">lifted</td>", html);
            Assert.Contains("https://arms-desk.example/news/russia-pakistan-mi35?utm_source=rss", text);
            foreach (var body in new[] { text, System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "") })
            {
                Assert.Contains("Russia → Pakistan", body);
                Assert.Contains("Mi-35", body);
                Assert.Contains("negotiating", body);
                Assert.Contains("attack helicopters to Islamabad", body);
            }
        }

        // The next timer run finds the feed not yet due; when it is due, a fetch finds nothing new.
        Assert.Equal(0, await PollAsync());
        Assert.Equal(FeedPollOutcome.Fetched, (await _host.Get<FeedPoller>().PollAsync(_feeds.UrlOf("arms-desk.xml"), default)).Outcome);
        Assert.Equal(0, await ConsumeAsync(StorageNames.ArticlesQueue, _ => Task.CompletedTask));

        // The queue delivers at least once: the same alert again sends nothing.
        await _host.Get<StorageAccount>().Queue(StorageNames.AlertsQueue).SendMessageAsync(alerts[0]);
        Assert.Equal(1, await ConsumeAsync(StorageNames.AlertsQueue, body => new SendAlerts(_host.Get<AlertDispatcher>()).Run(body, default)));
        Assert.Equal(4, _sendGrid.Mails.Count);
        Assert.Empty(_sendGrid.Rejections);
    }

    [Fact]
    public async Task PollFeeds_OneFeedUnreachableAndOneNotAFeed_RecordedAgainstThemAndOthersStillEnqueued()
    {
        _feeds.Routes["/not-a-feed.html"] = ("text/html", "<!DOCTYPE html><html><body>Hello</body></html>");
        var registry = _host.Get<FeedRegistry>();
        var unreachable = new Uri("http://127.0.0.1:9/nothing-listens-here.xml");
        await registry.AddAsync(unreachable, default);
        await registry.AddAsync(_feeds.UrlOf("not-a-feed.html"), default);
        await registry.AddAsync(_feeds.UrlOf("arms-desk.xml"), default);

        Assert.Equal(3, await PollAsync());

        var queued = await _host.Get<StorageAccount>().Queue(StorageNames.ArticlesQueue).GetPropertiesAsync();
        Assert.Equal(4, queued.Value.ApproximateMessagesCount);
        var states = await _host.Get<FeedStateStore>().ListAsync(default);
        Assert.StartsWith("could not reach 127.0.0.1", states[unreachable].LastError);
        Assert.Equal(1, states[_feeds.UrlOf("not-a-feed.html")].ConsecutiveFailures);
        Assert.False(string.IsNullOrWhiteSpace(states[_feeds.UrlOf("not-a-feed.html")].LastError));
        Assert.Equal(1, states[unreachable].ConsecutiveFailures);
        Assert.Null(states[_feeds.UrlOf("arms-desk.xml")].LastError);
        Assert.Equal(4, states[_feeds.UrlOf("arms-desk.xml")].ItemsSeen);
    }

    [Fact]
    public async Task SendAlerts_OneRecipientUnavailable_OthersSentAndRetrySendsOnlyTheMissingOne()
    {
        var alert = await AlertForSeedAsync();
        var sendAlerts = new SendAlerts(_host.Get<AlertDispatcher>());
        _sendGrid.Unavailable["helicopters@example.org"] = true;

        await Assert.ThrowsAsync<AggregateException>(() => sendAlerts.Run(alert, default));
        Assert.Equal(3, _sendGrid.Mails.Count);

        _sendGrid.Unavailable.Clear();
        await sendAlerts.Run(alert, default);
        Assert.Equal(4, _sendGrid.Mails.Count);
        Assert.Single(_sendGrid.Recipients, r => r == "helicopters@example.org");
    }

    [Fact]
    public async Task SendAlerts_OneRecipientRefusedForGood_OthersSentAndTheRefusalRecordedNotRetried()
    {
        var alert = await AlertForSeedAsync();
        var sendAlerts = new SendAlerts(_host.Get<AlertDispatcher>());
        _sendGrid.Refuse["helicopters@example.org"] = true;

        await sendAlerts.Run(alert, default);
        await sendAlerts.Run(alert, default);

        Assert.Equal(3, _sendGrid.Mails.Count);
        Assert.DoesNotContain("helicopters@example.org", _sendGrid.Recipients);
        Assert.Single(_sendGrid.Rejections);
        Assert.Equal("refused", await _host.Get<DeliveryLedger>().StatusAsync(KeyOf(alert, "helicopters@example.org"), default));
    }

    [Fact]
    public async Task SendAlerts_OneRecipientSuppressed_OthersSentAndNothingToThem()
    {
        var alert = await AlertForSeedAsync();
        await _host.Get<SubscriberStore>().SuppressAsync("helicopters@example.org", "unsubscribed", default);

        await new SendAlerts(_host.Get<AlertDispatcher>()).Run(alert, default);

        Assert.Equal(3, _sendGrid.Mails.Count);
        Assert.DoesNotContain("helicopters@example.org", _sendGrid.Recipients);
    }

    [Fact]
    public async Task SendAlerts_AnotherAttemptHoldsAClaim_OthersSentAndTheAlertRequeuedForAfterTheLease()
    {
        var alert = await AlertForSeedAsync();
        Assert.NotNull(await _host.Get<DeliveryLedger>().TryClaimAsync(KeyOf(alert, "helicopters@example.org"), "helicopters@example.org", default));

        await new SendAlerts(_host.Get<AlertDispatcher>()).Run(alert, default);

        Assert.Equal(3, _sendGrid.Mails.Count);
        var alerts = _host.Get<StorageAccount>().Queue(StorageNames.AlertsQueue);
        Assert.Equal(1, (await alerts.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Null((await alerts.ReceiveMessageAsync()).Value); // not visible before the lease runs out
    }

    private async Task<string> AlertForSeedAsync()
    {
        await _host.Get<FeedRegistry>().AddAsync(_feeds.UrlOf("arms-desk.xml"), default);
        await PollAsync();
        await ConsumeAsync(StorageNames.ArticlesQueue, body => new ClassifyArticle(_host.Get<ArticleAssessor>()).Run(body, default));
        var alerts = _host.Get<StorageAccount>().Queue(StorageNames.AlertsQueue);
        var message = (await alerts.ReceiveMessageAsync()).Value;
        await alerts.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.MessageText;
    }

    /// <summary>The timer, then FetchFeed for each feed it queued; returns how many feeds were polled.</summary>
    private async Task<int> PollAsync()
    {
        await new PollFeeds(_host.Get<FeedScheduler>()).Run(new TimerInfo(), default);
        return await ConsumeAsync(StorageNames.FeedsQueue, body => new FetchFeed(_host.Get<FeedPoller>()).Run(body, default));
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

    /// <summary>The ledger key of the first alert of a story: the story is named after its first article.</summary>
    private static DeliveryKey KeyOf(string alertMessage, string email)
    {
        var alert = QueueMessageSerializer.DeserializeAlert(alertMessage);
        return new DeliveryKey(StoryStore.StoryIdOf(alert.ArticleId), SubscriberStore.IdOf(email), alert.Assessment.Stage ?? "reported");
    }
}

using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsWatch.Feeds;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Feeds;

/// <summary>One feed at a time through FeedPoller, against a local HTTP server that misbehaves on purpose.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedPollingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Polling test</title>
        <item><title>{0}</title><link>https://polling.example/news/1?utm_source=feed</link><guid isPermaLink="false">polling-1</guid><pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate><description>Lead one.</description></item>
        <item><title>Second story</title><link>https://polling.example/news/2</link><guid isPermaLink="false">polling-2</guid><pubDate>Wed, 25 Nov 2026 07:00:00 GMT</pubDate><description>Lead two.</description></item>
        </channel></rss>
        """;

    private FeedServer _server = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _server = await FeedServer.StartWithFixturesAsync();
        _host = await StartHostAsync(allowLoopback: true);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<IHost> StartHostAsync(bool allowLoopback) =>
        await PipelineHost.StartAsync(azurite.ConnectionString, new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?>
        {
            ["NewsWatch:Feeds:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["NewsWatch:Feeds:FetchTimeout"] = "00:00:02",
            ["NewsWatch:Feeds:MaxFeedBytes"] = "1048576",
        });

    private Task<FeedPollResult> PollAsync(string path, IHost? host = null) =>
        (host ?? _host).Get<FeedPoller>().PollAsync(_server.UrlOf(path), default);

    private async Task<List<ArticleDiscovered>> QueuedArticlesAsync()
    {
        var queue = _host.Get<StorageAccount>().Queue(StorageNames.ArticlesQueue);
        var articles = new List<ArticleDiscovered>();
        foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
        {
            articles.Add(QueueMessageSerializer.DeserializeArticle(message.Body.ToString()));
        }

        return articles;
    }

    private void ServeRss(string path, string title = "First story", string? etag = "\"v1\"") =>
        _server.Handlers[path] = async context =>
        {
            if (etag is not null && context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
            }

            context.Response.Headers.LastModified = "Wed, 25 Nov 2026 09:00:00 GMT";
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(RssWith(title));
        };

    [Fact]
    public async Task Poll_UnchangedFeed_SendsValidatorsAndGets304WithNothingEnqueued()
    {
        ServeRss("/conditional.xml");

        Assert.Equal(FeedPollOutcome.Fetched, (await PollAsync("conditional.xml")).Outcome);
        var second = await PollAsync("conditional.xml");

        Assert.Equal(FeedPollOutcome.NotModified, second.Outcome);
        Assert.Equal(0, second.NewArticles);
        var requests = _server.Requests.Where(r => r.Path == "/conditional.xml").ToList();
        Assert.Equal((null, null), (requests[0].IfNoneMatch, requests[0].IfModifiedSince));
        Assert.Equal(("\"v1\"", "Wed, 25 Nov 2026 09:00:00 GMT"), (requests[1].IfNoneMatch, requests[1].IfModifiedSince));
        Assert.Equal(2, (await QueuedArticlesAsync()).Count);
        var state = await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("conditional.xml"), default);
        Assert.Equal("\"v1\"", state.ETag);
        Assert.Equal(2, state.ItemsSeen);
        Assert.InRange(state.NextCheckAt!.Value - state.LastCheckAt!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task Poll_RepublishedWithANewTitle_StillOneArticle()
    {
        ServeRss("/edited.xml", "Original headline", etag: null);
        await PollAsync("edited.xml");
        ServeRss("/edited.xml", "Corrected headline", etag: null);

        var again = await PollAsync("edited.xml");

        Assert.Equal(0, again.NewArticles);
        Assert.Equal(["Original headline", "Second story"], (await QueuedArticlesAsync()).Select(a => a.Title).Order());
    }

    [Fact]
    public async Task Poll_SameLinkInTwoFeeds_OneArticle()
    {
        ServeRss("/feed-a.xml", etag: null);
        _server.Routes["/feed-b.xml"] = ("application/rss+xml", """
            <rss version="2.0"><channel><title>B</title>
            <item><title>Same story, other outlet</title><link>https://POLLING.example/news/1?utm_medium=social#comments</link><guid isPermaLink="false">b-77</guid></item>
            </channel></rss>
            """);

        await PollAsync("feed-a.xml");
        var b = await PollAsync("feed-b.xml");

        Assert.Equal(0, b.NewArticles);
        Assert.Equal(2, (await QueuedArticlesAsync()).Count);
    }

    [Fact]
    public async Task Poll_ServiceUnavailableWithRetryAfter_NextCheckHonoursIt()
    {
        _server.Handlers["/busy.xml"] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        };

        var result = await PollAsync("busy.xml");

        Assert.Equal(FeedPollOutcome.Failed, result.Outcome);
        Assert.StartsWith("HTTP 503", result.Error);
        var state = await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("busy.xml"), default);
        Assert.Equal(TimeSpan.FromHours(2), state.NextCheckAt!.Value - state.LastCheckAt!.Value);
    }

    [Fact]
    public async Task Poll_RepeatedFailures_BackOffGrowsWithJitterAndRecovers()
    {
        var healthy = false;
        _server.Handlers["/flaky.xml"] = async context =>
        {
            if (!healthy)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(RssWith("Back"));
        };

        var waits = new List<TimeSpan>();
        for (var i = 1; i <= 4; i++)
        {
            await PollAsync("flaky.xml");
            var state = await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("flaky.xml"), default);
            Assert.Equal(i, state.ConsecutiveFailures);
            waits.Add(state.NextCheckAt!.Value - state.LastCheckAt!.Value);
        }

        for (var i = 0; i < waits.Count; i++)
        {
            var ceiling = TimeSpan.FromMinutes(5 * Math.Pow(2, i));
            Assert.InRange(waits[i], ceiling / 2, ceiling);
        }

        healthy = true;
        Assert.Equal(FeedPollOutcome.Fetched, (await PollAsync("flaky.xml")).Outcome);
        var recovered = await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("flaky.xml"), default);
        Assert.Equal((0, null, null), (recovered.ConsecutiveFailures, recovered.LastError, recovered.FailingSince));
    }

    [Fact]
    public async Task Poll_MovedPermanently_StoredUrlUpdated()
    {
        await _host.Get<FeedRegistry>().AddAsync(_server.UrlOf("old.xml"), default);
        Redirect("/old.xml", StatusCodes.Status301MovedPermanently, "/new.xml");
        ServeRss("/new.xml");

        var result = await PollAsync("old.xml");

        Assert.Equal((FeedPollOutcome.Fetched, _server.UrlOf("new.xml")), (result.Outcome, result.Url));
        Assert.Equal([_server.UrlOf("new.xml")], (await _host.Get<FeedRegistry>().ListAsync(default)).Select(f => f.Url));
        Assert.Equal("\"v1\"", (await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("new.xml"), default)).ETag);
    }

    [Fact]
    public async Task Poll_TemporaryRedirect_StoredUrlKept()
    {
        await _host.Get<FeedRegistry>().AddAsync(_server.UrlOf("moving.xml"), default);
        Redirect("/moving.xml", StatusCodes.Status302Found, "/conditional-target.xml");
        ServeRss("/conditional-target.xml");

        var result = await PollAsync("moving.xml");

        Assert.Equal((FeedPollOutcome.Fetched, _server.UrlOf("moving.xml")), (result.Outcome, result.Url));
        Assert.Equal([_server.UrlOf("moving.xml")], (await _host.Get<FeedRegistry>().ListAsync(default)).Select(f => f.Url));
    }

    [Fact]
    public async Task Poll_Gone_FeedRetiredAndNeverQueuedAgain()
    {
        await _host.Get<FeedRegistry>().AddAsync(_server.UrlOf("gone.xml"), default);
        _server.Handlers["/gone.xml"] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };

        Assert.Equal(FeedPollOutcome.Retired, (await PollAsync("gone.xml")).Outcome);

        Assert.True((await _host.Get<FeedStateStore>().GetAsync(_server.UrlOf("gone.xml"), default)).Retired);
        Assert.Equal(0, await _host.Get<FeedScheduler>().QueueDueFeedsAsync(everyFeed: true, default));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Poll_CompressedFeed_Decompressed(string encoding)
    {
        var body = Encoding.UTF8.GetBytes(RssWith("Compressed"));
        _server.Handlers["/compressed.xml"] = async context =>
        {
            Assert.Contains(encoding, context.Request.Headers.AcceptEncoding.ToString());
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(Compress(body, encoding));
        };

        var result = await PollAsync("compressed.xml");

        Assert.Equal((FeedPollOutcome.Fetched, 2), (result.Outcome, result.NewArticles));
    }

    [Fact]
    public async Task Poll_ArticleLargerThanAQueueMessage_TextGoesByClaimCheckAndTheClassifierReadsAllOfIt()
    {
        // The deal comes after the part a message keeps, but well within what the classifier reads.
        const string sentence = "The ministry published its annual report on road maintenance and school meals. ";
        const string deal = "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of Mi-35 attack helicopters to Islamabad.";
        var filler = string.Concat(Enumerable.Repeat(sentence, 60)) + deal + " " + string.Concat(Enumerable.Repeat(sentence, 700));
        _server.Routes["/long.xml"] = ("application/rss+xml", $"""
            <rss version="2.0"><channel><title>Long reads</title>
            <item><title>A long report</title><link>https://long.example/report</link><description>{filler}</description></item>
            </channel></rss>
            """);

        Assert.Equal(1, (await PollAsync("long.xml")).NewArticles);

        var message = Assert.Single(await QueuedArticlesAsync());
        Assert.NotNull(message.BodyBlob);
        Assert.True(message.Summary.Length <= 4000);
        Assert.DoesNotContain("Mi-35", message.Summary);
        var assessment = await _host.Get<NewsWatch.Classification.ArticleAssessor>().AssessAsync(message, default);
        Assert.True(assessment.Relevant);
        Assert.Equal("Pakistan", assessment.Recipient);
    }

    /// <summary>Each hostile answer is one feed's clear error; the good feed of the same cycle still delivers.</summary>
    [Fact]
    public async Task PollCycle_HostileFeeds_EachAClearErrorAndTheGoodFeedStillDelivers()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"newswatch-secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT");
        _server.Routes["/billion-laughs.xml"] = ("application/rss+xml", BillionLaughs());
        _server.Routes["/external-entity.xml"] = ("application/rss+xml", $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{secret}">]>
            <rss version="2.0"><channel><title>x</title><item><title>Leak &secret;</title><link>https://hostile.example/1</link></item></channel></rss>
            """);
        _server.Handlers["/huge.xml"] = async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            for (var written = 0; written < 50 * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };
        var bomb = GzipOfZeros(64 * 1024 * 1024);
        _server.Handlers["/gzip-bomb.xml"] = async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        };
        _server.Handlers["/invalid-bytes.xml"] = async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256)).ToArray());
        };
        _server.Handlers["/slow.xml"] = async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.StartAsync();
            for (var i = 0; i < 30 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(1000, context.RequestAborted);
            }
        };
        foreach (var (from, to) in new[] { ("/loop-a.xml", "/loop-b.xml"), ("/loop-b.xml", "/loop-a.xml"), ("/to-metadata.xml", "http://169.254.169.254/latest/meta-data/") })
        {
            Redirect(from, StatusCodes.Status302Found, to);
        }

        ServeRss("/good.xml");
        string[] hostile = ["billion-laughs.xml", "external-entity.xml", "huge.xml", "gzip-bomb.xml", "invalid-bytes.xml", "slow.xml", "loop-a.xml", "to-metadata.xml"];
        foreach (var path in hostile.Append("good.xml"))
        {
            await _host.Get<FeedRegistry>().AddAsync(_server.UrlOf(path), default);
        }

        // The cycle: the timer queues every feed, and the fetchers poll them concurrently.
        await _host.Get<FeedScheduler>().QueueDueFeedsAsync(everyFeed: false, default);
        var results = await Task.WhenAll(hostile.Append("good.xml").Select(path => PollAsync(path)));

        var byFeed = results.ToDictionary(r => r.Url.AbsolutePath.TrimStart('/'));
        Assert.Equal((FeedPollOutcome.Fetched, 2), (byFeed["good.xml"].Outcome, byFeed["good.xml"].NewArticles));
        Assert.Contains("over the 1048576-byte limit", byFeed["huge.xml"].Error);
        Assert.Contains("over the 1048576-byte limit", byFeed["gzip-bomb.xml"].Error);
        Assert.Contains("within 2 s", byFeed["slow.xml"].Error);
        Assert.Contains("redirect loop", byFeed["loop-a.xml"].Error);
        Assert.Contains("169.254.169.254", byFeed["to-metadata.xml"].Error);
        foreach (var path in new[] { "billion-laughs.xml", "external-entity.xml", "invalid-bytes.xml" })
        {
            // Refused, or read without expanding anything: either way nothing hostile gets through.
            Assert.True(byFeed[path].Outcome is FeedPollOutcome.Failed or FeedPollOutcome.Fetched, $"{path}: {byFeed[path].Outcome}");
        }

        var titles = (await QueuedArticlesAsync()).Select(a => a.Title + " " + a.Summary).ToList();
        Assert.DoesNotContain(titles, t => t.Contains("TOP-SECRET", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("lollol", StringComparison.Ordinal));
        var states = await _host.Get<FeedStateStore>().ListAsync(default);
        Assert.All(results.Where(r => r.Outcome == FeedPollOutcome.Failed), r => Assert.Equal(r.Error, states[r.Url].LastError));
    }

    [Fact]
    public async Task Poll_ProductionModeFeedOnLoopback_RefusedBeforeConnecting()
    {
        ServeRss("/local.xml");
        using var production = await StartHostAsync(allowLoopback: false);

        var result = await PollAsync("local.xml", production);

        Assert.Equal(FeedPollOutcome.Failed, result.Outcome);
        Assert.Contains("loopback, private or link-local", result.Error);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/local.xml");
        await production.StopAsync();
    }

    private void Redirect(string path, int status, string location) =>
        _server.Handlers[path] = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    private static string RssWith(string title) => Rss.Replace("{0}", title, StringComparison.Ordinal);

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        return $"""<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>x</title><item><title>&lol9;</title><link>https://hostile.example/lol</link></item></channel></rss>""";
    }

    private static byte[] Compress(byte[] body, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "br" ? new BrotliStream(output, CompressionLevel.Fastest) : new GZipStream(output, CompressionLevel.Fastest))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}

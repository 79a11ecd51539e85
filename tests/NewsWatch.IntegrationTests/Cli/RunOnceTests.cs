using System.Diagnostics;
using System.Globalization;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Cli;

/// <summary>The same scenario as the pipeline test, through `newswatch run --once` as a separate process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunOnceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FeedServer _feeds = null!;
    private FakeSendGrid _sendGrid = null!;
    private NewsWatchProcess _newswatch = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _feeds = await FeedServer.StartWithFixturesAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _newswatch = new NewsWatchProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch__SendGrid__Host"] = _sendGrid.BaseUrl.AbsoluteUri.TrimEnd('/'),
        });
    }

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task RunOnce_SeedFeed_SendsOneMailPerMatchingSubscriberAndNothingOnTheSecondRun()
    {
        await Succeeds("feeds", "add", _feeds.UrlOf("arms-desk.xml").AbsoluteUri);
        await Succeeds("subscribers", "add", "pakistan-desk@example.org", "--countries", "pakistan");
        await Succeeds("subscribers", "add", "helicopters@example.org", "--categories", "aircraft");
        await Succeeds("subscribers", "add", "ships@example.org", "--categories", "ships");

        var first = await Succeeds("run", "--once");

        Assert.Contains("feeds polled: 1 (0 failed) · articles new: 4 · assessed: 4 · relevant: 1 · emails sent: 2", first.Output);
        Assert.Equal(["helicopters@example.org", "pakistan-desk@example.org"], _sendGrid.Recipients.Order());
        Assert.All(_sendGrid.Mails, mail => Assert.Contains("Russia → Pakistan", (string)mail["content"]![0]!["value"]!));

        var second = await Succeeds("run", "--once");
        Assert.Contains("articles new: 0", second.Output);
        Assert.Contains("emails sent: 0", second.Output);
        Assert.Equal(2, _sendGrid.Mails.Count);
    }

    [Fact]
    public async Task Subscribers_SuppressShowUnsuppress_StateShownAndNoMailWhileSuppressed()
    {
        await Succeeds("feeds", "add", _feeds.UrlOf("arms-desk.xml").AbsoluteUri);
        await Succeeds("subscribers", "add", "pakistan-desk@example.org", "--countries", "pakistan");
        await Succeeds("subscribers", "add", "helicopters@example.org", "--categories", "aircraft", "--suppliers", "russia", "--stages", "negotiating,embargo lifted", "--min-score", "0.6");
        var badStage = await _newswatch.RunAsync("subscribers", "add", "x@example.org", "--stages", "almost");

        await Succeeds("subscribers", "suppress", "helicopters@example.org", "--reason", "asked by phone");
        var shown = await Succeeds("subscribers", "show", "helicopters@example.org");
        await Succeeds("run", "--once");
        await Succeeds("subscribers", "unsuppress", "helicopters@example.org");
        var after = await Succeeds("subscribers", "show", "helicopters@example.org");
        var missing = await _newswatch.RunAsync("subscribers", "suppress", "nobody@example.org");

        Assert.Contains("categories: aircraft  suppliers: Russia  stages: negotiating,embargo_lifted  min score: 0.6  suppressed: asked by phone", shown.Output);
        Assert.NotEqual(0, badStage.ExitCode);
        Assert.Contains("'almost' is not a deal stage NewsWatch knows", badStage.Error);
        Assert.Equal(["pakistan-desk@example.org"], _sendGrid.Recipients);
        Assert.DoesNotContain("suppressed", after.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no subscriber nobody@example.org", missing.Error);
    }

    [Fact]
    public async Task RunOnce_NoSendGridKey_WritesEmlAndHtmlToTheOutbox()
    {
        var workdir = Directory.CreateTempSubdirectory("newswatch-outbox-").FullName;
        var local = new NewsWatchProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["WORKDIR"] = workdir,
        });
        Assert.Equal(0, (await local.RunAsync("feeds", "add", _feeds.UrlOf("arms-desk.xml").AbsoluteUri)).ExitCode);
        Assert.Equal(0, (await local.RunAsync("subscribers", "add", "analyst@example.org")).ExitCode);

        var run = await local.RunAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        var outbox = Path.Combine(workdir, "outbox");
        Assert.Contains($"emails are in {outbox}", run.Output);
        var eml = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
        var html = Assert.Single(Directory.GetFiles(outbox, "*.html"));
        var bytes = await File.ReadAllBytesAsync(eml);
        var message = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("From: NewsWatch <", message); // no byte-order mark before the first header
        Assert.Contains("To: <analyst@example.org>", message);
        Assert.Contains("multipart/alternative", message);
        Assert.Contains("Russia → Pakistan", await File.ReadAllTextAsync(html));
    }

    [Fact]
    public async Task Run_TimerOnTheScheduleSetting_DeliversUntilStoppedThenPrintsTheSummary()
    {
        await Succeeds("feeds", "add", _feeds.UrlOf("arms-desk.xml").AbsoluteUri);
        await Succeeds("subscribers", "add", "pakistan-desk@example.org", "--countries", "Pakistan");
        var continuous = new NewsWatchProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch__SendGrid__Host"] = _sendGrid.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["NewsWatch__Feeds__PollSchedule"] = "*/2 * * * * *",
        });

        using var run = continuous.Start("run", "--urls", "http://127.0.0.1:0");
        var output = run.StandardOutput.ReadToEndAsync();
        var log = run.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (_sendGrid.Mails.IsEmpty && !run.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(["pakistan-desk@example.org"], _sendGrid.Recipients);
            await Task.Delay(TimeSpan.FromSeconds(5)); // later ticks find nothing new
            Assert.Single(_sendGrid.Mails);

            // What Ctrl+C or a service manager does: SIGTERM, then a clean exit with the summary.
            using (var term = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await run.WaitForExitAsync(stop.Token);
        }
        finally
        {
            run.Kill(entireProcessTree: true);
        }

        Assert.True(run.ExitCode == 0, await log);
        Assert.Contains("NewsWatch is running", await output);
        Assert.Contains("relevant: 1 · emails sent: 1", await output);
    }

    [Fact]
    public async Task FeedsImportExport_Opml_ValidFeedsImportedInvalidReportedAndListedWithHealth()
    {
        var opml = Path.GetTempFileName();
        await File.WriteAllTextAsync(opml, $"""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Reader export</title></head><body>
              <outline text="Defence"><outline type="rss" text="Arms desk" xmlUrl="{_feeds.UrlOf("arms-desk.xml")}"/></outline>
              <outline type="rss" text="Other" xmlUrl="http://127.0.0.1:9/other.xml"/>
              <outline type="rss" text="Broken" xmlUrl="ftp://old.example/feed"/>
            </body></opml>
            """);

        var import = await _newswatch.RunAsync("feeds", "import", opml);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("imported 2 new feeds (0 already watched, 1 invalid)", import.Output);
        Assert.Contains("ftp://old.example/feed", import.Error);
        var export = await Succeeds("feeds", "export");
        Assert.Contains($"xmlUrl=\"{_feeds.UrlOf("arms-desk.xml")}\"", export.Output);
        Assert.Contains("xmlUrl=\"http://127.0.0.1:9/other.xml\"", export.Output);

        await Succeeds("run", "--once");
        var list = (await Succeeds("feeds", "list")).Output;
        Assert.Contains($"{_feeds.UrlOf("arms-desk.xml")}  ok · last success", list);
        Assert.Contains("http://127.0.0.1:9/other.xml  failing ×1 since", list);
    }

    [Theory]
    [InlineData("feeds", "add", "not a url")]
    [InlineData("feeds", "add", "ftp://example.org/feed.xml")]
    [InlineData("subscribers", "add", "not-an-email")]
    [InlineData("subscribers", "add", "someone@example.org", "--countries", "Atlantis")]
    [InlineData("subscribers", "add", "someone@example.org", "--categories", "spaceships")]
    public async Task Command_MalformedInput_ExitsNonZeroWithAMessageAndStoresNothing(params string[] args)
    {
        var result = await _newswatch.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newswatch: ", result.Error);
        Assert.Equal("", (await Succeeds(args[0], "list")).Output);
    }

    private async Task<NewsWatchProcess.Result> Succeeds(params string[] args)
    {
        var result = await _newswatch.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"newswatch {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }
}

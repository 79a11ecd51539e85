using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Cli;

/// <summary>`newswatch parse-feed` as a user runs it: the model's field names are a contract for later tooling.</summary>
public sealed class ParseFeedCommandTests
{
    private readonly NewsWatchProcess _newswatch = new(new Dictionary<string, string>());

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name);

    [Fact]
    public async Task ParseFeedJson_GoodAndBadInputs_OneLinePerGoodInputWithSourceAndTheBadOneReported()
    {
        var notAFeed = Path.GetTempFileName();
        await File.WriteAllTextAsync(notAFeed, "this is not a feed at all");

        var result = await _newswatch.RunAsync("parse-feed", "--json", Fixture("arms-desk.xml"), notAFeed, "/no/such/file.xml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"newswatch: {notAFeed}:", result.Error);
        Assert.Contains("newswatch: /no/such/file.xml: no such file", result.Error);
        var feed = JsonNode.Parse(Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal(Fixture("arms-desk.xml"), (string?)feed["source"]);
        Assert.Equal("Arms Desk (test fixture)", (string?)feed["title"]);
        var items = feed["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        var seed = items[0]!;
        Assert.Equal("Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale", (string?)seed["title"]);
        Assert.Equal("https://arms-desk.example/news/russia-pakistan-mi35?utm_source=rss", (string?)seed["link"]);
        Assert.Equal("arms-desk-1", (string?)seed["id"]);
        Assert.Equal("2026-11-25T09:30:00Z", (string?)seed["published"]);
    }

    [Fact]
    public async Task ParseFeed_Text_ShowsFormatTitleAndItems()
    {
        var result = await _newswatch.RunAsync("parse-feed", Fixture("arms-desk.xml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rss 2.0, 4 items", result.Output);
        Assert.Contains("Army helicopter crashes in the mountains", result.Output);
    }
}

using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Functions;

/// <summary>What the Worker SDK generated for the Functions host: the triggers as Azure will see them.</summary>
public sealed class FunctionMetadataTests
{
    private static readonly JsonArray Metadata = (JsonArray)JsonNode.Parse(File.ReadAllText(RepositoryPaths.Output("NewsWatch.Functions", "functions.metadata")))!;

    [Fact]
    public void FunctionsMetadata_Build_ListsExactlyTheFunctions()
    {
        Assert.Equal(
            ["ClassifyArticle", "ConfirmSubscription", "FetchFeed", "PollFeeds", "Preferences", "PurgeSeenArticles", "SendAlerts", "SendDigests", "SendGridEvents", "Subscribe", "Unsubscribe"],
            Metadata.Select(f => (string)f!["name"]!).Order());
    }

    [Theory]
    [InlineData("PollFeeds", "%NewsWatch:Feeds:PollSchedule%")]
    [InlineData("PurgeSeenArticles", "%NewsWatch:Feeds:PurgeSchedule%")]
    [InlineData("SendDigests", "%NewsWatch:Alerts:DigestSchedule%")]
    public void Timer_Metadata_ScheduleFromSettingWithoutRunOnStartup(string function, string schedule)
    {
        var trigger = Trigger(function);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(schedule, (string?)trigger["schedule"]);
        Assert.NotEqual(true, (bool?)trigger["runOnStartup"]);
    }

    [Theory]
    [InlineData("Subscribe", "subscribe", "get,post")]
    [InlineData("ConfirmSubscription", "confirm", "get")]
    [InlineData("Preferences", "preferences", "get,post")]
    [InlineData("Unsubscribe", "unsubscribe", "get,post")]
    [InlineData("SendGridEvents", "events/sendgrid", "post")]
    public void HttpFunction_Metadata_AnonymousAtTheRouteTheLocalRunnerServes(string function, string route, string methods)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal("anonymous", ((string?)trigger["authLevel"])?.ToLowerInvariant());
        Assert.Equal(methods.Split(','), trigger["methods"]!.AsArray().Select(m => ((string)m!).ToLowerInvariant()).Order());
    }

    [Theory]
    [InlineData("FetchFeed", "feeds")]
    [InlineData("ClassifyArticle", "articles")]
    [InlineData("SendAlerts", "alerts")]
    public void QueueFunction_Metadata_TriggeredByItsQueue(string function, string queue)
    {
        var trigger = Trigger(function);

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(queue, (string?)trigger["queueName"]);
    }

    [Fact]
    public void HostJson_FunctionAppOutput_IsTheRepositoryRootFile()
    {
        Assert.Equal(
            File.ReadAllText(RepositoryPaths.Combine("host.json")),
            File.ReadAllText(RepositoryPaths.Output("NewsWatch.Functions", "host.json")));
    }

    private static JsonNode Trigger(string function) =>
        Metadata.Single(f => (string?)f!["name"] == function)!["bindings"]!.AsArray()
            .Single(b => ((string?)b!["type"])!.EndsWith("Trigger", StringComparison.Ordinal))!;
}

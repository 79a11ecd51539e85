using System.Diagnostics.Metrics;

namespace NewsWatch.Feeds;

/// <summary>Feed health as metrics (meter "NewsWatch.Feeds"), for dashboards and alerts.</summary>
public static class FeedMetrics
{
    public const string MeterName = "NewsWatch.Feeds";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Polls = Meter.CreateCounter<long>("newswatch.feeds.polls", description: "Feed polls by outcome");
    private static readonly Gauge<int> Failing = Meter.CreateGauge<int>("newswatch.feeds.failing", description: "Feeds failing for longer than FailingWarningAfter");

    public static void Polled(string outcome) => Polls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void FailingFeeds(int count) => Failing.Record(count);
}

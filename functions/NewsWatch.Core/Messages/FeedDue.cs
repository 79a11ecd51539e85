namespace NewsWatch.Messages;

/// <summary>A feed the timer found due for a poll, on its way to a fetcher (queue "feeds").</summary>
public sealed record FeedDue(string FeedUrl, DateTimeOffset ScheduledAt)
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
}

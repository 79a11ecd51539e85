namespace NewsWatch.Storage;

/// <summary>Every queue and table the pipeline uses. Bicep and the triggers use the same names.</summary>
public static class StorageNames
{
    /// <summary>One message per feed due for a poll: the timer fans out, FetchFeed scales out.</summary>
    public const string FeedsQueue = "feeds";
    public const string ArticlesQueue = "articles";
    public const string AlertsQueue = "alerts";

    /// <summary>The Functions host's convention, which the local runner follows too.</summary>
    public static string PoisonQueueOf(string queue) => queue + "-poison";

    public const string FeedsTable = "feeds";
    public const string FeedStateTable = "feedstate";
    public const string SeenArticlesTable = "seenarticles";
    public const string AssessmentsTable = "assessments";
    public const string SubscribersTable = "subscribers";
    public const string DeliveriesTable = "deliveries";
    public const string StoriesTable = "stories";
    public const string DigestsTable = "digests";

    /// <summary>Article bodies too large for a queue message (claim check).</summary>
    public const string ArticleBodiesContainer = "article-bodies";

    public static IReadOnlyList<string> Queues { get; } =
        [FeedsQueue, PoisonQueueOf(FeedsQueue), ArticlesQueue, PoisonQueueOf(ArticlesQueue), AlertsQueue, PoisonQueueOf(AlertsQueue)];

    public static IReadOnlyList<string> Tables { get; } =
        [FeedsTable, FeedStateTable, SeenArticlesTable, AssessmentsTable, SubscribersTable, DeliveriesTable, StoriesTable, DigestsTable];
}

namespace NewsWatch.Storage;

/// <summary>Every queue and table the pipeline uses. Bicep and the triggers use the same names.</summary>
public static class StorageNames
{
    public const string ArticlesQueue = "articles";
    public const string AlertsQueue = "alerts";

    /// <summary>The Functions host's convention, which the local runner follows too.</summary>
    public static string PoisonQueueOf(string queue) => queue + "-poison";

    public const string FeedsTable = "feeds";
    public const string SeenArticlesTable = "seenarticles";
    public const string AssessmentsTable = "assessments";
    public const string SubscribersTable = "subscribers";
    public const string DeliveriesTable = "deliveries";

    public static IReadOnlyList<string> Queues { get; } =
        [ArticlesQueue, PoisonQueueOf(ArticlesQueue), AlertsQueue, PoisonQueueOf(AlertsQueue)];

    public static IReadOnlyList<string> Tables { get; } =
        [FeedsTable, SeenArticlesTable, AssessmentsTable, SubscribersTable, DeliveriesTable];
}

using NewsWatch.Classification;

namespace NewsWatch.Messages;

/// <summary>An article the classifier judged relevant, on its way to subscribers (queue "alerts").</summary>
public sealed record DealAlert(
    string ArticleId,
    string Url,
    string Title,
    DateTimeOffset? Published,
    DealAssessment Assessment)
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
}

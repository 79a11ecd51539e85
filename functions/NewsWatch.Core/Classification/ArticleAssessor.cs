using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using NewsWatch.Classification.Language;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Classification;

/// <summary>
/// The classification stage: assesses one discovered article, stores the assessment, and
/// passes relevant ones on to the "alerts" queue. Safe to run twice for the same article.
/// </summary>
public sealed partial class ArticleAssessor(
    DealClassifier classifier,
    AssessmentStore assessments,
    ArticleBodies bodies,
    StorageAccount storage,
    ILogger<ArticleAssessor> logger,
    LanguageEnricher? enricher = null)
{
    private readonly QueueClient _alerts = storage.Queue(StorageNames.AlertsQueue);

    public async Task<DealAssessment> AssessAsync(ArticleDiscovered article, CancellationToken cancellationToken)
    {
        var text = article.BodyBlob is null ? article.Summary : await bodies.LoadAsync(article.BodyBlob, cancellationToken);
        var assessment = classifier.Classify(article.Title, text);
        if (enricher is not null)
        {
            // Registered only with a Language endpoint; it returns the local assessment when it cannot help or fails.
            assessment = await enricher.EnrichAsync(article.ArticleId, article.Title, text, assessment, cancellationToken);
        }

        await assessments.SaveAsync(article, assessment, cancellationToken);
        if (assessment.Relevant)
        {
            var alert = new DealAlert(article.ArticleId, article.Url, article.Title, article.Published, assessment);
            await _alerts.SendMessageAsync(QueueMessageSerializer.Serialize(alert), cancellationToken);
        }

        LogAssessed(article.ArticleId, article.Title, assessment.Relevant, assessment.Score);
        return assessment;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} \"{Title}\": relevant={Relevant} score={Score:0.00}")]
    private partial void LogAssessed(string articleId, string title, bool relevant, double score);
}

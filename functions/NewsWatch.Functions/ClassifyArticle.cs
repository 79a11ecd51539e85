using Microsoft.Azure.Functions.Worker;
using NewsWatch.Classification;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Functions;

public sealed class ClassifyArticle(ArticleAssessor assessor)
{
    [Function(nameof(ClassifyArticle))]
    public Task Run([QueueTrigger(StorageNames.ArticlesQueue)] string message, CancellationToken cancellationToken) =>
        assessor.AssessAsync(QueueMessageSerializer.DeserializeArticle(message), cancellationToken);
}

using System.Text.Json;
using Azure.Data.Tables;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Classification;

/// <summary>Every assessment, relevant or not (table "assessments"), so a decision can be explained later.</summary>
public sealed class AssessmentStore(StorageAccount storage, TimeProvider clock)
{
    private const string Row = "assessment";
    private readonly TableClient _table = storage.Table(StorageNames.AssessmentsTable);

    public Task SaveAsync(ArticleDiscovered article, DealAssessment assessment, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(article.ArticleId, Row)
            {
                ["Url"] = article.Url,
                ["Title"] = article.Title,
                ["Relevant"] = assessment.Relevant,
                ["Score"] = assessment.Score,
                ["Assessment"] = JsonSerializer.Serialize(assessment, MessageJsonContext.Default.DealAssessment),
                ["AssessedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
}

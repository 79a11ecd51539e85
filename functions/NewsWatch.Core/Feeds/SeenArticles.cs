using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>Articles already sent down the pipeline (table "seenarticles"), keyed by article id.</summary>
public sealed class SeenArticles(StorageAccount storage, TimeProvider clock)
{
    private const string Row = "seen";
    private readonly TableClient _table = storage.Table(StorageNames.SeenArticlesTable);

    public async Task<bool> ContainsAsync(string articleId, CancellationToken cancellationToken)
    {
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(articleId, Row, ["PartitionKey"], cancellationToken);
        return existing.HasValue;
    }

    public Task MarkAsync(string articleId, string url, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(articleId, Row) { ["Url"] = url, ["SeenAt"] = clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);
}

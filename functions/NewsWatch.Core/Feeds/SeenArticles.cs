using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>Identity keys of articles already sent down the pipeline (table "seenarticles"), one row per key.</summary>
public sealed class SeenArticles(StorageAccount storage, TimeProvider clock, IOptions<FeedsOptions> options)
{
    private const string Row = "seen";
    private readonly TableClient _table = storage.Table(StorageNames.SeenArticlesTable);

    public async Task<bool> ContainsAnyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(key, Row, ["PartitionKey"], cancellationToken);
            if (existing.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Forgets keys older than the retention; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.SeenRetention;
        var purged = 0;
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"SeenAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Azure.ETag.All, cancellationToken);
            purged++;
        }

        return purged;
    }

    public async Task MarkAsync(IReadOnlyList<string> keys, string url, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var key in keys)
        {
            await _table.UpsertEntityAsync(new TableEntity(key, Row) { ["Url"] = url, ["SeenAt"] = now }, TableUpdateMode.Replace, cancellationToken);
        }
    }
}

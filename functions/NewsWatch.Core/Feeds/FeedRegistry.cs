using Azure;
using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>The feeds NewsWatch watches (table "feeds"), one row per URL.</summary>
public sealed class FeedRegistry(StorageAccount storage, TimeProvider clock)
{
    private const string Partition = "feed";
    private readonly TableClient _table = storage.Table(StorageNames.FeedsTable);

    public static string KeyOf(Uri url) => EntityKeys.Hash(url.AbsoluteUri);

    /// <returns>false when the feed was already registered.</returns>
    public async Task<bool> AddAsync(Uri url, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, KeyOf(url))
        {
            ["Url"] = url.AbsoluteUri,
            ["AddedAt"] = clock.GetUtcNow(),
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <returns>false when no such feed was registered.</returns>
    public async Task<bool> RemoveAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(Partition, KeyOf(url), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>A permanent redirect: the feed is watched at its new address from now on.</summary>
    public async Task MoveAsync(Uri from, Uri to, CancellationToken cancellationToken)
    {
        await AddAsync(to, cancellationToken);
        await RemoveAsync(from, cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredFeed>> ListAsync(CancellationToken cancellationToken)
    {
        var feeds = new List<RegisteredFeed>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            feeds.Add(new RegisteredFeed(new Uri(entity.GetString("Url")), entity.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue));
        }

        return feeds;
    }
}

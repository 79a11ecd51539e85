using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>Per-feed polling state (table "feedstate"), keyed like the feed registry.</summary>
public sealed class FeedStateStore(StorageAccount storage)
{
    private const string Partition = "feed";
    private readonly TableClient _table = storage.Table(StorageNames.FeedStateTable);

    public async Task<FeedState> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, FeedRegistry.KeyOf(url), cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : new FeedState(url);
    }

    public async Task<IReadOnlyDictionary<Uri, FeedState>> ListAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<Uri, FeedState>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var state = FromEntity(entity);
            states[state.Url] = state;
        }

        return states;
    }

    public Task SaveAsync(FeedState state, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(state), TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(Uri url, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(Partition, FeedRegistry.KeyOf(url), Azure.ETag.All, cancellationToken);

    private static TableEntity ToEntity(FeedState state) => new(Partition, FeedRegistry.KeyOf(state.Url))
    {
        ["Url"] = state.Url.AbsoluteUri,
        ["ETag"] = state.ETag,
        ["LastModified"] = state.LastModified,
        ["NextCheckAt"] = state.NextCheckAt,
        ["LastCheckAt"] = state.LastCheckAt,
        ["LastSuccessAt"] = state.LastSuccessAt,
        ["LastError"] = state.LastError,
        ["LastErrorAt"] = state.LastErrorAt,
        ["ConsecutiveFailures"] = state.ConsecutiveFailures,
        ["FailingSince"] = state.FailingSince,
        ["ItemsSeen"] = state.ItemsSeen,
        ["PublishingIntervalSeconds"] = state.PublishingInterval?.TotalSeconds,
        ["Retired"] = state.Retired,
    };

    private static FeedState FromEntity(TableEntity entity) => new(new Uri(entity.GetString("Url")))
    {
        ETag = entity.GetString("ETag"),
        LastModified = entity.GetString("LastModified"),
        NextCheckAt = entity.GetDateTimeOffset("NextCheckAt"),
        LastCheckAt = entity.GetDateTimeOffset("LastCheckAt"),
        LastSuccessAt = entity.GetDateTimeOffset("LastSuccessAt"),
        LastError = entity.GetString("LastError"),
        LastErrorAt = entity.GetDateTimeOffset("LastErrorAt"),
        ConsecutiveFailures = entity.GetInt32("ConsecutiveFailures") ?? 0,
        FailingSince = entity.GetDateTimeOffset("FailingSince"),
        ItemsSeen = entity.GetInt64("ItemsSeen") ?? 0,
        PublishingInterval = entity.GetDouble("PublishingIntervalSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Retired = entity.GetBoolean("Retired") ?? false,
    };
}

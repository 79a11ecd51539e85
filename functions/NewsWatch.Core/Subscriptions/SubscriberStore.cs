using Azure;
using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.Subscriptions;

/// <summary>Subscribers (table "subscribers"). Filters are stored as comma-separated canonical values.</summary>
public sealed class SubscriberStore(StorageAccount storage, TimeProvider clock)
{
    private const string Partition = "subscriber";
    private readonly TableClient _table = storage.Table(StorageNames.SubscribersTable);

    /// <summary>Adds the subscriber, or replaces the filters of one already there.</summary>
    public Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(Partition, EntityKeys.Hash(subscriber.Email.ToLowerInvariant()))
            {
                ["Email"] = subscriber.Email,
                ["Countries"] = string.Join(',', subscriber.Countries),
                ["Categories"] = string.Join(',', subscriber.Categories),
                ["UpdatedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <returns>false when there was no such subscriber.</returns>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(Partition, EntityKeys.Hash(email.ToLowerInvariant()), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<Subscriber>> ListAsync(CancellationToken cancellationToken)
    {
        var subscribers = new List<Subscriber>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            subscribers.Add(new Subscriber(entity.GetString("Email"), Split(entity.GetString("Countries")), Split(entity.GetString("Categories"))));
        }

        return subscribers;
    }

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

using Azure;
using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.Subscriptions;

/// <summary>Subscribers (table "subscribers"). Filters are stored as comma-separated canonical values.</summary>
public sealed class SubscriberStore(StorageAccount storage, TimeProvider clock)
{
    private const string Partition = "subscriber";
    private readonly TableClient _table = storage.Table(StorageNames.SubscribersTable);

    /// <summary>
    /// Adds the subscriber, or replaces the filters of one already there. A suppression stays: an address that
    /// unsubscribed or bounced gets mail again only when it is lifted (<see cref="UnsuppressAsync"/>).
    /// </summary>
    public Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(Partition, IdOf(subscriber.Email))
            {
                ["Email"] = subscriber.Email,
                ["Countries"] = string.Join(',', subscriber.Countries),
                ["Categories"] = string.Join(',', subscriber.Categories),
                ["Suppliers"] = string.Join(',', subscriber.Suppliers),
                ["Recipients"] = string.Join(',', subscriber.Recipients),
                ["Systems"] = string.Join(',', subscriber.Systems),
                ["Stages"] = string.Join(',', subscriber.Stages),
                ["MinScore"] = subscriber.MinScore,
                ["UpdatedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Merge,
            cancellationToken);

    /// <summary>The subscriber with this address, or null.</summary>
    public async Task<Subscriber?> GetAsync(string email, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, IdOf(email), cancellationToken: cancellationToken);
        return entity.HasValue ? ToSubscriber(entity.Value!) : null;
    }

    /// <summary>Stops all mail to the address; a second suppression keeps the first one's reason and time.</summary>
    /// <returns>false when there is no such subscriber.</returns>
    public async Task<bool> SuppressAsync(string email, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, IdOf(email), cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return false;
        }

        if (string.IsNullOrEmpty(entity.Value!.GetString("SuppressedReason")))
        {
            await _table.UpdateEntityAsync(
                new TableEntity(Partition, IdOf(email)) { ["SuppressedReason"] = reason, ["SuppressedAt"] = clock.GetUtcNow() },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }

        return true;
    }

    /// <summary>Lets mail go to the address again.</summary>
    /// <returns>false when there is no such subscriber.</returns>
    public async Task<bool> UnsuppressAsync(string email, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, IdOf(email), cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return false;
        }

        // Replaced without the two properties: a merge cannot remove a property, and an empty one would be a state of its own.
        var value = entity.Value!;
        value.Remove("SuppressedReason");
        value.Remove("SuppressedAt");
        await _table.UpdateEntityAsync(value, value.ETag, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    /// <returns>false when there was no such subscriber.</returns>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(Partition, IdOf(email), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<Subscriber>> ListAsync(CancellationToken cancellationToken)
    {
        var subscribers = new List<Subscriber>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            subscribers.Add(ToSubscriber(entity));
        }

        return subscribers;
    }

    private static Subscriber ToSubscriber(TableEntity entity) =>
        new(entity.GetString("Email"), Split(entity.GetString("Countries")), Split(entity.GetString("Categories")))
        {
            Suppliers = Split(entity.GetString("Suppliers")),
            Recipients = Split(entity.GetString("Recipients")),
            Systems = Split(entity.GetString("Systems")),
            Stages = Split(entity.GetString("Stages")),
            MinScore = entity.GetDouble("MinScore") ?? 0,
            SuppressedReason = entity.GetString("SuppressedReason") is { Length: > 0 } reason ? reason : null,
            SuppressedAt = entity.GetDateTimeOffset("SuppressedAt"),
        };

    /// <summary>A subscriber's id: their row key, which signed links and SendGrid's custom_args carry instead of the address.</summary>
    public static string IdOf(string email) => EntityKeys.Hash(email.ToLowerInvariant());

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

using Azure;
using Azure.Data.Tables;
using NewsWatch.Messages;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>
/// The stories waiting for each digest subscriber (table "digests", one partition per subscriber, one row per
/// story): a story reported ten times is one row, so a digest lists it once.
/// </summary>
public sealed class DigestBox(StorageAccount storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(StorageNames.DigestsTable);

    public Task AddAsync(Subscriber subscriber, Story story, DealAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(alert);
        // A replace: the entry shows the story's latest state, and waits for the next digest even if an earlier
        // state of it was set aside for one being sent now (it is news since).
        return _table.UpsertEntityAsync(
            new TableEntity(SubscriberStore.IdOf(subscriber.Email), story.Id)
            {
                ["Headline"] = story.Headline, ["Url"] = story.Url, ["Facts"] = DealFacts.Line(alert.Assessment),
                ["Outlets"] = string.Join('\n', story.Outlets), ["AddedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Sets aside every waiting entry for the digest of <paramref name="digestDate"/> and returns all set aside for it.</summary>
    public async Task<IReadOnlyList<DigestEntry>> SetAsideAsync(string subscriberId, string digestDate, CancellationToken cancellationToken)
    {
        var entries = new List<DigestEntry>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == subscriberId, cancellationToken: cancellationToken))
        {
            var date = entity.GetString("DigestDate");
            if (date is null)
            {
                try
                {
                    await _table.UpdateEntityAsync(new TableEntity(subscriberId, entity.RowKey) { ["DigestDate"] = digestDate }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                    date = digestDate;
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    continue; // changed meanwhile: it waits for the next digest
                }
            }

            if (date == digestDate)
            {
                entries.Add(new DigestEntry(entity.RowKey, entity.GetString("Headline") ?? "", entity.GetString("Url") ?? "", entity.GetString("Facts") ?? "",
                    entity.GetDateTimeOffset("AddedAt") ?? default)
                {
                    Outlets = entity.GetString("Outlets")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
                    DigestDate = date,
                });
            }
        }

        return [.. entries.OrderBy(entry => entry.AddedAt)];
    }

    /// <summary>Removes the entries a sent digest carried (those a newer report changed since stay, for the next one).</summary>
    public async Task RemoveAsync(string subscriberId, string digestDate, CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == subscriberId, cancellationToken: cancellationToken))
        {
            if (entity.GetString("DigestDate") == digestDate)
            {
                try
                {
                    await _table.DeleteEntityAsync(subscriberId, entity.RowKey, entity.ETag, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    // Updated by a newer report meanwhile: it goes in the next digest.
                }
            }
        }
    }
}

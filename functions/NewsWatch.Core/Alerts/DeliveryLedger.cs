using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NewsWatch.Storage;

namespace NewsWatch.Alerts;

/// <summary>
/// One row per (article, subscriber) in table "deliveries": the reason a redelivered or
/// concurrently processed alert never sends the same mail twice. A delivery is claimed before
/// sending (insert-if-absent, so two workers cannot both win) and marked sent after.
/// </summary>
public sealed class DeliveryLedger(StorageAccount storage, TimeProvider clock, IOptions<AlertsOptions> options)
{
    private const string Claimed = "claimed";
    private const string Sent = "sent";
    private readonly TableClient _table = storage.Table(StorageNames.DeliveriesTable);

    /// <returns>true when this attempt should send; false when the mail was already sent.</returns>
    /// <exception cref="DeliveryInProgressException">Another attempt claimed it moments ago.</exception>
    public async Task<bool> TryClaimAsync(string articleId, string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entity = new TableEntity(articleId, KeyOf(email)) { ["Email"] = email, ["Status"] = Claimed, ["ClaimedAt"] = now };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Someone got here first: look at what they left.
        }

        var existing = (await _table.GetEntityAsync<TableEntity>(articleId, KeyOf(email), cancellationToken: cancellationToken)).Value;
        if (existing.GetString("Status") == Sent)
        {
            return false;
        }

        var claimedAt = existing.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue;
        if (now - claimedAt < options.Value.DeliveryClaimLease)
        {
            throw new DeliveryInProgressException($"delivery of {articleId} to {email} was claimed at {claimedAt:O} and is not confirmed yet");
        }

        existing["ClaimedAt"] = now;
        try
        {
            // The ETag makes the takeover itself race-free.
            await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new DeliveryInProgressException($"delivery of {articleId} to {email} was taken over by another attempt");
        }
    }

    public Task MarkSentAsync(string articleId, string email, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(articleId, KeyOf(email)) { ["Email"] = email, ["Status"] = Sent, ["SentAt"] = clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Gives up a claim whose send failed, so the retry can send straight away.</summary>
    public Task ReleaseAsync(string articleId, string email, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(articleId, KeyOf(email), ETag.All, cancellationToken);

    public async Task<bool> WasSentAsync(string articleId, string email, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(articleId, KeyOf(email), cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetString("Status") == Sent;
    }

    private static string KeyOf(string email) => EntityKeys.Hash(email.ToLowerInvariant());
}

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
    public async Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var existing = await GetAsync(subscriber.Email, cancellationToken);
        var now = clock.GetUtcNow();
        var dated = subscriber with
        {
            CreatedAt = existing?.CreatedAt ?? subscriber.CreatedAt ?? now,
            ConfirmedAt = subscriber.Confirmed ? existing?.ConfirmedAt ?? subscriber.ConfirmedAt ?? now : null,
        };
        await _table.UpsertEntityAsync(ToEntity(dated), TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Records a subscription asked for on the web, unconfirmed, unless the address is already subscribed: an
    /// unauthenticated form must not change a confirmed subscriber's filters. Their changes go through the preferences link.
    /// </summary>
    /// <returns>The subscriber as stored after the call.</returns>
    public async Task<Subscriber> AddPendingAsync(Subscriber requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var existing = await GetAsync(requested.Email, cancellationToken);
        if (existing is { Confirmed: true, Suppressed: false })
        {
            return existing;
        }

        // A merge: a suppression and the confirmation counters stay until the new confirmation.
        var pending = requested with { Confirmed = false, CreatedAt = existing?.CreatedAt ?? clock.GetUtcNow(), ConfirmedAt = null };
        await _table.UpsertEntityAsync(ToEntity(pending), TableUpdateMode.Merge, cancellationToken);
        return (await GetAsync(requested.Email, cancellationToken))!;
    }

    /// <summary>The confirmation link was followed: alerts may go, and a past unsubscribe is lifted (they asked again).</summary>
    public async Task<Subscriber?> ConfirmAsync(string id, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        if (entity.GetBoolean("Confirmed") != true || !string.IsNullOrEmpty(entity.GetString("SuppressedReason")))
        {
            entity["Confirmed"] = true;
            entity["ConfirmedAt"] = clock.GetUtcNow();
            entity.Remove("SuppressedReason");
            entity.Remove("SuppressedAt");
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        return ToSubscriber(entity);
    }

    /// <summary>
    /// Counts one confirmation email to this address, refusing when the address had one less than
    /// <paramref name="spacing"/> ago or <paramref name="perDay"/> today: the subscribe form cannot be used to flood a mailbox.
    /// </summary>
    public async Task<bool> TryCountConfirmationAsync(string email, TimeSpan spacing, int perDay, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, IdOf(email), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        var entity = found.Value!;
        var now = clock.GetUtcNow();
        var last = entity.GetDateTimeOffset("ConfirmationSentAt");
        var today = DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        var count = entity.GetInt32("ConfirmationDay") == today ? entity.GetInt32("ConfirmationsToday") ?? 0 : 0;
        if ((last is { } at && now - at < spacing) || count >= perDay)
        {
            return false;
        }

        var update = new TableEntity(Partition, IdOf(email)) { ["ConfirmationSentAt"] = now, ["ConfirmationDay"] = today, ["ConfirmationsToday"] = count + 1 };
        try
        {
            // The ETag makes two racing requests count twice, never once for two mails.
            await _table.UpdateEntityAsync(update, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records the local date whose digest went (or had nothing to carry).</summary>
    public Task SetLastDigestAsync(string email, DateOnly date, CancellationToken cancellationToken) =>
        _table.UpdateEntityAsync(
            new TableEntity(Partition, IdOf(email)) { ["LastDigest"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task<Subscriber?> GetByIdAsync(string id, CancellationToken cancellationToken)
    {
        if (!EntityKeys.IsValid(id))
        {
            return null; // not a key this store makes; the table would refuse it
        }

        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return entity.HasValue ? ToSubscriber(entity.Value!) : null;
    }

    private TableEntity ToEntity(Subscriber subscriber)
    {
        var entity = new TableEntity(Partition, IdOf(subscriber.Email))
            {
                ["Email"] = subscriber.Email,
                ["Countries"] = string.Join(',', subscriber.Countries),
                ["Categories"] = string.Join(',', subscriber.Categories),
                ["Suppliers"] = string.Join(',', subscriber.Suppliers),
                ["Recipients"] = string.Join(',', subscriber.Recipients),
                ["Systems"] = string.Join(',', subscriber.Systems),
                ["Stages"] = string.Join(',', subscriber.Stages),
                ["MinScore"] = subscriber.MinScore,
                ["Keywords"] = string.Join('\n', subscriber.Keywords),
                ["Delivery"] = subscriber.Delivery.ToString(),
                ["DigestHour"] = subscriber.DigestHour,
                ["TimeZone"] = subscriber.TimeZone,
                ["Confirmed"] = subscriber.Confirmed,
                ["UpdatedAt"] = clock.GetUtcNow(),
            };
        if (subscriber.CreatedAt is { } created)
        {
            entity["CreatedAt"] = created;
        }

        if (subscriber.ConfirmedAt is { } confirmed)
        {
            entity["ConfirmedAt"] = confirmed;
        }

        return entity;
    }

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
            Keywords = entity.GetString("Keywords")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Delivery = Enum.TryParse<DeliveryMode>(entity.GetString("Delivery"), out var mode) ? mode : DeliveryMode.Immediate,
            DigestHour = entity.GetInt32("DigestHour") ?? 8,
            TimeZone = entity.GetString("TimeZone") ?? "UTC",
            Confirmed = entity.GetBoolean("Confirmed") ?? true, // rows from before double opt-in were added by an operator
            CreatedAt = entity.GetDateTimeOffset("CreatedAt"),
            ConfirmedAt = entity.GetDateTimeOffset("ConfirmedAt"),
            LastDigest = DateOnly.TryParseExact(entity.GetString("LastDigest"), "yyyy-MM-dd", out var last) ? last : null,
        };

    /// <summary>A subscriber's id: their row key, which signed links and SendGrid's custom_args carry instead of the address.</summary>
    public static string IdOf(string email) => EntityKeys.Hash(email.ToLowerInvariant());

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

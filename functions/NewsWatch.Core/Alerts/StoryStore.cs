using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NewsWatch.Classification;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Alerts;

/// <summary>
/// Groups articles into stories (table "stories"). Two articles tell the same story when they name the same supplier,
/// recipient and system within <see cref="AlertsOptions.StoryWindow"/> of the story's last report, or when their
/// headline and evidence are near-duplicate text (<see cref="SimHash"/>: a wire story reprinted, a headline reworded).
/// Attaching the same article twice changes nothing, so redelivered alerts are harmless here.
/// </summary>
public sealed class StoryStore(StorageAccount storage, TimeProvider clock, IOptions<AlertsOptions> options)
{
    private const string StoryPartition = "story";
    private const string DealPartition = "deal";
    private const string TextPartition = "text-";
    private const int MaxListed = 50;
    private readonly TableClient _table = storage.Table(StorageNames.StoriesTable);

    public async Task<StoryUpdate> AttachAsync(DealAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var now = clock.GetUtcNow();
        var dealKeys = DealKeys(alert.Assessment);
        var textHash = SimHash.Of(alert.Title + " " + alert.Assessment.EvidenceSentence);
        var storyId = await FindByDealAsync(dealKeys, now, cancellationToken)
            ?? await FindByTextAsync(textHash, now, cancellationToken)
            ?? StoryIdOf(alert.ArticleId);

        var update = await AddArticleAsync(storyId, alert, now, cancellationToken);

        // Pointers last: a crash before them loses only a shortcut, which the retry writes.
        foreach (var key in dealKeys)
        {
            await _table.UpsertEntityAsync(new TableEntity(DealPartition, key) { ["StoryId"] = storyId, ["LastSeen"] = now }, TableUpdateMode.Replace, cancellationToken);
        }

        await _table.UpsertEntityAsync(
            new TableEntity(TextPartitionOf(now), StoryIdOf(alert.ArticleId)) { ["StoryId"] = storyId, ["Hash"] = unchecked((long)textHash) },
            TableUpdateMode.Replace,
            cancellationToken);
        return update;
    }

    public async Task<Story?> GetAsync(string storyId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(StoryPartition, storyId, cancellationToken: cancellationToken);
        return found.HasValue ? ToStory(found.Value!) : null;
    }

    private static string TextPartitionOf(DateTimeOffset day) => TextPartition + day.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string StoryIdOf(string articleId) => EntityKeys.Hash("story|" + articleId);

    private async Task<StoryUpdate> AddArticleAsync(string storyId, DealAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outlet = Uri.TryCreate(alert.Url, UriKind.Absolute, out var url) ? url.Host : "";
        while (true)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(StoryPartition, storyId, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                var story = new Story(storyId, alert.Title, alert.Url, alert.Assessment.Stage, now, now)
                {
                    Outlets = outlet.Length > 0 ? [outlet] : [],
                    Articles = [alert.ArticleId],
                };
                try
                {
                    await _table.AddEntityAsync(ToEntity(story), cancellationToken);
                    return new StoryUpdate(story, Started: true, PreviousStage: null);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    continue; // another article of the same story got there first: join it
                }
            }

            var entity = found.Value!;
            var current = ToStory(entity);
            if (current.Articles.Contains(alert.ArticleId))
            {
                // Seen before (a redelivered alert): the story as it stands, nothing new.
                return new StoryUpdate(current, Started: current.Articles[0] == alert.ArticleId, PreviousStage: current.Stage);
            }

            var changed = current with
            {
                Stage = Later(current.Stage, alert.Assessment.Stage),
                LastSeen = now,
                Outlets = outlet.Length == 0 || current.Outlets.Contains(outlet) ? current.Outlets : [.. current.Outlets, outlet],
                Articles = [.. current.Articles.TakeLast(MaxListed - 1), alert.ArticleId],
            };
            try
            {
                await _table.UpdateEntityAsync(ToEntity(changed), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return new StoryUpdate(changed, Started: false, PreviousStage: current.Stage);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another report of the same story was added meanwhile: read it again and add ours to it.
            }
        }
    }

    private async Task<string?> FindByDealAsync(IReadOnlyList<string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(DealPartition, key, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.GetDateTimeOffset("LastSeen") is { } seen && now - seen <= options.Value.StoryWindow)
            {
                return found.Value.GetString("StoryId");
            }
        }

        return null;
    }

    private async Task<string?> FindByTextAsync(ulong hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (hash == 0)
        {
            return null;
        }

        // One partition per day: a lookup reads the window's days, however long the table has been filling.
        string? best = null;
        var bestDistance = SimHash.SameTextDistance + 1;
        for (var day = now - options.Value.StoryWindow; day <= now; day += TimeSpan.FromDays(1))
        {
            var partition = TextPartitionOf(day);
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["StoryId", "Hash"], cancellationToken: cancellationToken))
            {
                var distance = SimHash.Distance(hash, unchecked((ulong)(entity.GetInt64("Hash") ?? 0)));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (entity.GetString("StoryId"), distance);
                }
            }
        }

        return best;
    }

    /// <summary>One key per named system: "russia|pakistan|mi35". An article without both parties and a system has none.</summary>
    private static List<string> DealKeys(DealAssessment deal)
    {
        if (deal.Supplier is null || deal.Recipient is null)
        {
            return [];
        }

        return [.. deal.Systems
            .Select(system => new string(system.Name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()))
            .Where(name => name.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(name => EntityKeys.Hash($"{deal.Supplier.ToLowerInvariant()}|{deal.Recipient.ToLowerInvariant()}|{name}"))];
    }

    /// <summary>The further of two stages; a story never moves back because a late article reports an earlier one.</summary>
    private static string? Later(string? current, string? reported) =>
        reported is null ? current
        : current is null ? reported
        : DealStage.Rank(reported) > DealStage.Rank(current) ? reported
        : current;

    private static TableEntity ToEntity(Story story)
    {
        var entity = new TableEntity(StoryPartition, story.Id)
        {
            ["Headline"] = story.Headline,
            ["Url"] = story.Url,
            ["FirstSeen"] = story.FirstSeen,
            ["LastSeen"] = story.LastSeen,
            ["Outlets"] = string.Join('\n', story.Outlets),
            ["Articles"] = string.Join('\n', story.Articles),
        };
        if (story.Stage is not null)
        {
            entity["Stage"] = story.Stage;
        }

        return entity;
    }

    private static Story ToStory(TableEntity entity) =>
        new(entity.RowKey, entity.GetString("Headline") ?? "", entity.GetString("Url") ?? "", entity.GetString("Stage"),
            entity.GetDateTimeOffset("FirstSeen") ?? default, entity.GetDateTimeOffset("LastSeen") ?? default)
        {
            Outlets = entity.GetString("Outlets")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Articles = entity.GetString("Articles")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
}

using Cronos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Feeds;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Cli.Runner;

/// <summary>
/// The pipeline without the Functions host: the PollFeeds timer on the same schedule setting,
/// and the three queue triggers (FetchFeed, ClassifyArticle, SendAlerts) as
/// <see cref="QueuePump"/>s with host.json's semantics. It calls the same core services the
/// function classes call.
/// </summary>
public sealed partial class LocalRunner(
    FeedScheduler scheduler,
    FeedPoller poller,
    ArticleAssessor assessor,
    AlertDispatcher dispatcher,
    DigestSender digests,
    IOptions<AlertsOptions> alerts,
    StorageAccount storage,
    QueueHostSettings queueSettings,
    IOptions<FeedsOptions> feeds,
    TimeProvider clock,
    ILogger<LocalRunner> logger)
{
    // A bound on --once, so a stuck message can never hang it: maxDequeueCount retries at the
    // visibility timeout, with room to spare.
    private TimeSpan DrainLimit => TimeSpan.FromMinutes(2) + queueSettings.VisibilityTimeout * queueSettings.MaxDequeueCount * 2;

    public RunSummary Summary { get; } = new();

    /// <summary>One poll of every feed (due or not), then every queue drained.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await scheduler.QueueDueFeedsAsync(everyFeed: true, cancellationToken);
        QueuePump[] pumps = [FeedsPump(), ArticlesPump(), AlertsPump()];

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DrainLimit);
        try
        {
            await DrainAsync(pumps, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the queues were not empty after {DrainLimit.TotalSeconds:0} s; `newswatch run` keeps going, and the poison queues hold what failed");
        }
    }

    private async Task DrainAsync(QueuePump[] pumps, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = 0;
            foreach (var pump in pumps)
            {
                received += await pump.ProcessBatchAsync(cancellationToken);
            }

            if (received == 0)
            {
                var pending = 0;
                foreach (var pump in pumps)
                {
                    pending += await pump.PendingAsync(cancellationToken);
                }

                if (pending == 0)
                {
                    return;
                }

                // Messages waiting out a retry delay: come back when they are visible again.
                await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
            }
        }
    }

    /// <summary>Runs until cancelled (Ctrl+C).</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(
            TimerAsync("feed poll", feeds.Value.PollSchedule, ct => scheduler.QueueDueFeedsAsync(everyFeed: false, ct), cancellationToken),
            TimerAsync("digest run", alerts.Value.DigestSchedule, digests.SendDueAsync, cancellationToken),
            FeedsPump().RunAsync(cancellationToken),
            ArticlesPump().RunAsync(cancellationToken),
            AlertsPump().RunAsync(cancellationToken));

    private async Task TimerAsync(string name, string expression, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var schedule = CronExpression.Parse(expression, CronFormat.IncludeSeconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc)
                ?? throw new InvalidOperationException($"schedule '{expression}' never fires");
            LogNextRun(name, next);
            await Task.Delay(next - now, clock, cancellationToken);
            try
            {
                await run(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // As the Functions host does with a failed timer run: log it and wait for the next tick.
                LogRunFailed(name, ex.Message, ex);
            }
        }
    }

    private QueuePump FeedsPump() => new(storage, StorageNames.FeedsQueue, queueSettings, async (body, token) =>
        Summary.AddPoll(await poller.PollAsync(new Uri(QueueMessageSerializer.DeserializeFeedDue(body).FeedUrl), token)), logger);

    private QueuePump ArticlesPump() => new(storage, StorageNames.ArticlesQueue, queueSettings, async (body, token) =>
    {
        var assessment = await assessor.AssessAsync(QueueMessageSerializer.DeserializeArticle(body), token);
        Summary.AddAssessment(assessment.Relevant);
    }, logger);

    private QueuePump AlertsPump() => new(storage, StorageNames.AlertsQueue, queueSettings, async (body, token) =>
        Summary.AddEmails(await dispatcher.DispatchAsync(QueueMessageSerializer.DeserializeAlert(body), token)), logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next {Timer} at {Next:O}")]
    private partial void LogNextRun(string timer, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Timer} failed: {Reason}")]
    private partial void LogRunFailed(string timer, string reason, Exception exception);
}

using Microsoft.Extensions.Options;

namespace NewsWatch.Feeds;

/// <summary>
/// When to look at a feed next. Healthy feeds follow their own publishing rate within
/// [MinInterval, MaxInterval] and never sooner than the publisher asks (ttl, sy:updatePeriod,
/// Retry-After); failing feeds back off exponentially with jitter up to MaxBackoff, and keep
/// being tried: a feed recovers by itself when its server does.
/// </summary>
public sealed class FeedSchedule(IOptions<FeedsOptions> options, Func<double>? random = null)
{
    private const int RecentItems = 20;
    private readonly FeedsOptions _options = options.Value;
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>
    /// The interval the feed suggests: the mean gap between its newest dated items, or longer
    /// when the publisher asks for that (ttl, sy:updatePeriod); null when it suggests nothing.
    /// </summary>
    public static TimeSpan? PublishingInterval(IEnumerable<DateTimeOffset?> itemDates, TimeSpan? publisherInterval = null)
    {
        var dates = itemDates.OfType<DateTimeOffset>().Distinct().OrderDescending().Take(RecentItems).ToList();
        TimeSpan? observed = dates.Count < 2 ? null : (dates[0] - dates[^1]) / (dates.Count - 1);
        return publisherInterval > observed || observed is null ? publisherInterval ?? observed : observed;
    }

    public DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan? publishingInterval) =>
        now + Clamp(publishingInterval ?? _options.MaxInterval / 4);

    /// <param name="failures">Consecutive failures including this one (1 for the first).</param>
    /// <param name="retryAfter">What the server asked for (429/503 Retry-After), honoured if longer.</param>
    public DateTimeOffset AfterFailure(DateTimeOffset now, int failures, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var ceiling = Math.Min(_options.BackoffBase.TotalSeconds * Math.Pow(2, exponent), _options.MaxBackoff.TotalSeconds);

        // "Equal jitter": between half and all of the ceiling, so feeds that failed together
        // (an outage) spread out instead of retrying in lockstep.
        var delay = TimeSpan.FromSeconds(ceiling / 2 + (ceiling / 2 * _random()));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked > _options.MaxBackoff ? _options.MaxBackoff : asked;
        }

        return now + delay;
    }

    private TimeSpan Clamp(TimeSpan interval) =>
        interval < _options.MinInterval ? _options.MinInterval
        : interval > _options.MaxInterval ? _options.MaxInterval
        : interval;
}

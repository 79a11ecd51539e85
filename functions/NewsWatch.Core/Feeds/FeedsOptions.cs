using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Feeds;

public sealed class FeedsOptions
{
    public const string Section = "NewsWatch:Feeds";

    /// <summary>NCRONTAB with seconds, as the timer trigger reads it from the same setting.</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>NCRONTAB of the daily purge of seen-article keys older than <see cref="SeenRetention"/>.</summary>
    [Required]
    public string PurgeSchedule { get; set; } = "0 30 3 * * *";

    /// <summary>How long an article's keys are remembered: long past the time an item stays in a feed.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SeenRetention { get; set; } = TimeSpan.FromDays(90);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1024, 256 * 1024 * 1024)]
    public int MaxFeedBytes { get; set; } = 10 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>At most this many fetches to one host at once from one instance, to stay polite.</summary>
    [Range(1, 64)]
    public int MaxFetchesPerHost { get; set; } = 2;

    /// <summary>A healthy feed is checked no more often than this...</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>...and no less often than this, whatever its publishing rate.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The first wait after a failure; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The timer stops queueing feeds after this long (the rest stay due for the next tick).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan CycleDeadline { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long a feed handed to a fetcher stays out of the timer's selection, so a slow fetch is not queued twice.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan FetchClaim { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A feed failing longer than this is reported as a warning (and in the failing-feeds metric).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FailingWarningAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Feed URLs resolving to loopback are refused in Azure (they would reach the host itself);
    /// the local runner turns this on because tests and demos serve feeds on localhost.
    /// </summary>
    public bool AllowLoopback { get; set; }

    [Required]
    public string UserAgent { get; set; } = "NewsWatch/0.1 (+https://github.com/newswatch/newswatch)";
}

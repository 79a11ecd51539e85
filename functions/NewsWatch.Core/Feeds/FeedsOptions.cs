using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Feeds;

public sealed class FeedsOptions
{
    public const string Section = "NewsWatch:Feeds";

    /// <summary>NCRONTAB with seconds, as the timer trigger reads it from the same setting.</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */5 * * * *";

    [Range(1, 256)]
    public int MaxParallelFetches { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxFeedBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Feed URLs resolving to loopback are refused in Azure (they would reach the host itself);
    /// the local runner turns this on because tests and demos serve feeds on localhost.
    /// </summary>
    public bool AllowLoopback { get; set; }

    [Required]
    public string UserAgent { get; set; } = "NewsWatch/0.1 (+https://github.com/newswatch/newswatch)";
}

using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Alerts;

public sealed class AlertsOptions
{
    public const string Section = "NewsWatch:Alerts";

    /// <summary>
    /// How long a claimed, unconfirmed delivery blocks another attempt. Past it, the earlier
    /// attempt is presumed dead (it claimed, then crashed before sending) and the mail is sent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeliveryClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after its last report a story takes in new articles about the same deal.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan StoryWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>NCRONTAB (with seconds) of the digest run, read by the SendDigests timer and by `newswatch run`: hourly, so every zone's hour comes.</summary>
    [Required]
    public string DigestSchedule { get; set; } = "0 5 * * * *";
}

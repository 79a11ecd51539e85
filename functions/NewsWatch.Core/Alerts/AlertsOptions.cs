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
}

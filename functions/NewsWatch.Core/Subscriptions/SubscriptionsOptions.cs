using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Subscriptions;

public sealed class SubscriptionsOptions
{
    public const string Section = "NewsWatch:Subscriptions";

    /// <summary>
    /// The secret that signs confirm, preferences and unsubscribe links (a Key Vault reference in Azure). Locally,
    /// when it is not set, each process makes up one of its own: links then work until the process stops.
    /// </summary>
    [MinLength(32)]
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a confirmation link works: two days, as the confirmation email says.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a preferences link works; unsubscribe links never expire (an old email must still let one leave).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan PreferencesLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Where subscribers reach the app: links in emails start here (the function app's https address in Azure).</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The mailto: half of List-Unsubscribe; unset, "unsubscribe@" the sender's domain.</summary>
    [EmailAddress]
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>The least time between two confirmation emails to one address.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ConfirmationSpacing { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most confirmation emails one address gets in a (UTC) day.</summary>
    [Range(1, 100)]
    public int ConfirmationsPerDay { get; set; } = 3;

    /// <summary>The most subscribe requests one client (IP address) may make in an hour, per instance.</summary>
    [Range(1, 10_000)]
    public int SubscribesPerClientPerHour { get; set; } = 10;
}

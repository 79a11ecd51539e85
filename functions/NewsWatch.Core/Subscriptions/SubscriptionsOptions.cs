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
}

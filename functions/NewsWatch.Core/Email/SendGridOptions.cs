using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Email;

public sealed class SendGridOptions
{
    public const string Section = "NewsWatch:SendGrid";

    /// <summary>Without a key, mail goes to the outbox folder instead of SendGrid.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides SendGrid's base URL; tests point it at a local fake server.</summary>
    public string? Host { get; set; }

    /// <summary>Tries of one message when SendGrid answers 429 or 5xx (the SendGrid client itself never retries).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first wait when SendGrid says nothing of when to come back; each retry doubles it, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait worth spending in the function: when SendGrid asks for more (a rate limit that resets in
    /// an hour), the message is given back to the queue, whose retry comes later without holding a worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Event Webhook's verification key as SendGrid shows it (base64 of the DER public key). Without it every
    /// event post is refused: unsigned events could suppress anyone.
    /// </summary>
    public string? WebhookVerificationKey { get; set; }

    /// <summary>How old an event post's signed timestamp may be, so that a captured post cannot be replayed later.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(10);
}

namespace NewsWatch.Email;

public enum WebhookVerdict
{
    Valid,

    /// <summary>No verification key is configured: nothing can be trusted.</summary>
    NotConfigured,

    /// <summary>The signature or timestamp header is missing or unreadable.</summary>
    NotSigned,

    /// <summary>The signature does not match the body and timestamp under SendGrid's key.</summary>
    Forged,

    /// <summary>Signed, but too long ago (or too far ahead): a replay.</summary>
    Stale,
}

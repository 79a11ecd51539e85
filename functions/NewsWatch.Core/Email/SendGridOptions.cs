namespace NewsWatch.Email;

public sealed class SendGridOptions
{
    public const string Section = "NewsWatch:SendGrid";

    /// <summary>Without a key, mail goes to the outbox folder instead of SendGrid.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides SendGrid's base URL; tests point it at a local fake server.</summary>
    public string? Host { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Email;

public sealed class EmailOptions
{
    public const string Section = "NewsWatch:Email";

    [Required, EmailAddress]
    public string From { get; set; } = "alerts@newswatch.example";

    [Required]
    public string FromName { get; set; } = "NewsWatch";

    /// <summary>Where messages go when no SendGrid key is configured (local runs).</summary>
    [Required]
    public string OutboxPath { get; set; } = "outbox";
}

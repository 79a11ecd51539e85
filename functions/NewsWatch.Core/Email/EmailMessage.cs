namespace NewsWatch.Email;

/// <summary>One email to one recipient, with both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>SendGrid categories: statistics and event webhooks are grouped by them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>SendGrid custom_args: they come back with every webhook event, so an event maps to its alert.</summary>
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra headers (List-Unsubscribe, List-Unsubscribe-Post). Values are one line: a CR or LF would start a header of its own.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The ledger's key for this mail, when it has one: the outbox names its file by it, so writing twice is writing once.</summary>
    public string? DeliveryId => CustomArgs.TryGetValue("delivery_id", out var id) ? id : null;

    /// <exception cref="ArgumentException">A header name or value that would break the message's header block.</exception>
    public static void CheckHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0 || name.Any(c => c is ':' or ' ' || char.IsControl(c) || !char.IsAscii(c)) || value.Any(char.IsControl))
        {
            throw new ArgumentException($"header {name} would not be one well-formed line", nameof(value));
        }
    }
}

namespace NewsWatch.Email;

/// <summary>One email to one recipient, with both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>SendGrid categories: statistics and event webhooks are grouped by them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>SendGrid custom_args: they come back with every webhook event, so an event maps to its alert.</summary>
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();
}

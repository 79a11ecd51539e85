namespace NewsWatch.Email;

/// <summary>One email to one recipient, with both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody);

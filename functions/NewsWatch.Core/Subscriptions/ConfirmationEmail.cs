using System.Globalization;
using System.Net;
using NewsWatch.Email;

namespace NewsWatch.Subscriptions;

/// <summary>The double opt-in email, and the note a subscribed address gets when someone subscribes it again.</summary>
public static class ConfirmationEmail
{
    private const string Category = "newswatch-confirmation";

    public static EmailMessage Compose(string email, string confirmLink, TimeSpan lifetime)
    {
        var hours = ((int)lifetime.TotalHours).ToString(CultureInfo.InvariantCulture);
        const string subject = "[NewsWatch] Confirm your subscription";
        var text = $"Someone, probably you, asked for NewsWatch arms-deal alerts at {email}.\n\n" +
                   $"Confirm within {hours} hours: {confirmLink}\n\n" +
                   "If it was not you, ignore this email: nothing will be sent without the confirmation.\n";
        var html = Layout(subject,
            $"<p>Someone, probably you, asked for NewsWatch arms-deal alerts at <strong>{Encode(email)}</strong>.</p>" +
            $"<p><a href=\"{Encode(confirmLink)}\" style=\"display:inline-block;padding:10px 16px;background:#0b4f8a;color:#ffffff;text-decoration:none;border-radius:4px\">Confirm my subscription</a></p>" +
            $"<p style=\"color:#555\">The link works for {hours} hours. If it was not you, ignore this email: nothing will be sent without the confirmation.</p>");
        return new EmailMessage(email, subject, html, text) { Categories = [Category] };
    }

    public static EmailMessage AlreadySubscribed(string email, string preferencesLink)
    {
        const string subject = "[NewsWatch] You are already subscribed";
        var text = $"Someone asked to subscribe {email} to NewsWatch, and it already is.\n\nChange what you follow: {preferencesLink}\n";
        var html = Layout(subject,
            $"<p>Someone asked to subscribe <strong>{Encode(email)}</strong> to NewsWatch, and it already is.</p>" +
            $"<p><a href=\"{Encode(preferencesLink)}\">Change what you follow</a></p>");
        return new EmailMessage(email, subject, html, text) { Categories = [Category] };
    }

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{Encode(title)}</title></head>" +
        $"<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:560px;margin:0 auto;padding:16px;line-height:1.5\">{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Net;
using System.Text;
using NewsWatch.Email;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>The daily digest: the day's stories, one line of facts each, with the outlets that reported them.</summary>
public static class DigestEmail
{
    private const string Category = "newswatch-digest";

    public static EmailMessage Compose(Subscriber subscriber, IReadOnlyList<DigestEntry> entries, DateOnly date, DeliveryKey key, SubscriptionLinks links)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(links);
        var day = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var subject = $"[NewsWatch] Digest for {day}: {entries.Count} arms {(entries.Count == 1 ? "deal" : "deals")}";
        var preferences = links.Preferences(subscriber.Email);
        var unsubscribe = links.Unsubscribe(subscriber.Email);
        var text = new StringBuilder().AppendLine(subject).AppendLine();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><title>")
            .Append(Encode(subject)).Append("</title></head><body style=\"margin:0;padding:16px;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b\"><div style=\"max-width:640px;margin:0 auto\">")
            .Append("<h1 style=\"font-size:20px\">").Append(Encode($"NewsWatch digest for {day}")).Append("</h1>");
        foreach (var entry in entries)
        {
            var headline = AlertEmail.OneLine(entry.Headline, 300);
            var link = AlertEmail.SafeLink(entry.Url);
            text.AppendLine("* " + headline).AppendLine("  " + entry.Facts);
            html.Append("<h2 style=\"font-size:16px;margin:16px 0 4px\">")
                .Append(link is null ? Encode(headline) : $"<a href=\"{Encode(link)}\" style=\"color:#0b4f8a\">{Encode(headline)}</a>").Append("</h2>")
                .Append("<p style=\"margin:0;font-weight:600\">").Append(Encode(entry.Facts)).Append("</p>");
            if (entry.Outlets.Count > 0)
            {
                text.AppendLine("  Reported by " + string.Join(", ", entry.Outlets));
                html.Append("<p style=\"margin:0;color:#555\">Reported by ").Append(Encode(string.Join(", ", entry.Outlets))).Append("</p>");
            }

            if (link is not null)
            {
                text.AppendLine("  " + link);
            }
        }

        text.AppendLine().AppendLine("-- ").AppendLine("Change what you follow: " + preferences).AppendLine("Unsubscribe: " + unsubscribe);
        html.Append("<hr style=\"border:none;border-top:1px solid #ddd;margin:16px 0\"><p style=\"font-size:12px;color:#666\">Sent to ").Append(Encode(subscriber.Email))
            .Append(" by NewsWatch. <a href=\"").Append(Encode(preferences)).Append("\">Change what you follow</a> · <a href=\"").Append(Encode(unsubscribe))
            .Append("\">Unsubscribe</a></p></div></body></html>");
        return new EmailMessage(subscriber.Email, subject, html.ToString(), text.ToString())
        {
            Categories = [Category],
            CustomArgs = new Dictionary<string, string> { ["subscriber_id"] = key.SubscriberId, ["delivery_id"] = key.Id },
            Headers = links.ListUnsubscribeHeaders(subscriber.Email),
        };
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Net;
using System.Text;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>Writes the alert a subscriber reads: headline, facts, the sentence that shows the deal, and the link.</summary>
public static class AlertEmail
{
    public static EmailMessage Compose(DealAlert alert, Subscriber subscriber)
    {
        var facts = DealFacts.Line(alert.Assessment);
        var evidence = alert.Assessment.EvidenceSentence;
        var source = Uri.TryCreate(alert.Url, UriKind.Absolute, out var url) ? url.Host : alert.Url;
        var subject = "NewsWatch: " + (string.IsNullOrWhiteSpace(alert.Title) ? facts : alert.Title);

        var text = new StringBuilder()
            .AppendLine(alert.Title)
            .AppendLine(facts)
            .AppendLine();
        if (evidence is not null)
        {
            text.Append('"').Append(evidence).Append("\"  (").Append(source).AppendLine(")").AppendLine();
        }

        text.AppendLine("Read the article: " + alert.Url)
            .AppendLine()
            .AppendLine("-- ")
            .AppendLine($"You get this because {subscriber.Email} follows {Following(subscriber)} on NewsWatch.");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:640px;margin:0 auto;padding:16px\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 8px\"><a href=\"").Append(Encode(alert.Url)).Append("\" style=\"color:#0b4f8a\">")
            .Append(Encode(alert.Title)).Append("</a></h1>")
            .Append("<p class=\"facts\" style=\"font-weight:600;margin:0 0 12px\">").Append(Encode(facts)).Append("</p>");
        if (evidence is not null)
        {
            html.Append("<blockquote style=\"margin:0 0 12px;padding:8px 12px;border-left:4px solid #c9d6e3;color:#333\">“")
                .Append(Encode(evidence)).Append("” <span style=\"color:#666\">(").Append(Encode(source)).Append(")</span></blockquote>");
        }

        html.Append("<p><a href=\"").Append(Encode(alert.Url)).Append("\">Read the article</a></p>")
            .Append("<hr style=\"border:none;border-top:1px solid #ddd\"><p style=\"font-size:12px;color:#666\">You get this because ")
            .Append(Encode(subscriber.Email)).Append(" follows ").Append(Encode(Following(subscriber))).Append(" on NewsWatch.</p>")
            .Append("</body></html>");

        return new EmailMessage(subscriber.Email, subject, html.ToString(), text.ToString());
    }

    private static string Following(Subscriber subscriber)
    {
        var interests = subscriber.Countries.Concat(subscriber.Categories).ToList();
        return interests.Count == 0 ? "all arms deals" : string.Join(", ", interests);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

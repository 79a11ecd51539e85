using System.Net;
using System.Text;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>Writes the alert a subscriber reads: headline, facts, the sentence that shows the deal, and the link.</summary>
public static class AlertEmail
{
    private const int MaxSubject = 150;
    private const string Category = "newswatch-alert";

    public static EmailMessage Compose(DealAlert alert, Subscriber subscriber)
    {
        var facts = DealFacts.Line(alert.Assessment);
        var evidence = alert.Assessment.EvidenceSentence;
        var source = Uri.TryCreate(alert.Url, UriKind.Absolute, out var url) ? url.Host : alert.Url;
        var subject = Subject(alert);
        var link = SafeLink(alert.Url);

        var text = new StringBuilder()
            .AppendLine(alert.Title)
            .AppendLine(facts)
            .AppendLine();
        if (evidence is not null)
        {
            text.Append('"').Append(evidence).Append("\"  (").Append(source).AppendLine(")").AppendLine();
        }

        if (link is not null)
        {
            text.AppendLine("Read the article: " + link);
        }

        text.AppendLine()
            .AppendLine("-- ")
            .AppendLine($"You get this because {subscriber.Email} follows {Following(subscriber)} on NewsWatch.");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:640px;margin:0 auto;padding:16px\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 8px\">");
        if (link is not null)
        {
            html.Append("<a href=\"").Append(Encode(link)).Append("\" style=\"color:#0b4f8a\">").Append(Encode(alert.Title)).Append("</a>");
        }
        else
        {
            html.Append(Encode(alert.Title));
        }

        html.Append("</h1>")
            .Append("<p class=\"facts\" style=\"font-weight:600;margin:0 0 12px\">").Append(Encode(facts)).Append("</p>");
        if (evidence is not null)
        {
            html.Append("<blockquote style=\"margin:0 0 12px;padding:8px 12px;border-left:4px solid #c9d6e3;color:#333\">“")
                .Append(Encode(evidence)).Append("” <span style=\"color:#666\">(").Append(Encode(source)).Append(")</span></blockquote>");
        }

        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(link)).Append("\">Read the article</a></p>");
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #ddd\"><p style=\"font-size:12px;color:#666\">You get this because ")
            .Append(Encode(subscriber.Email)).Append(" follows ").Append(Encode(Following(subscriber))).Append(" on NewsWatch.</p>")
            .Append("</body></html>");

        return new EmailMessage(subscriber.Email, subject, html.ToString(), text.ToString())
        {
            Categories = [Category],
            CustomArgs = new Dictionary<string, string>
            {
                ["article_id"] = alert.ArticleId,
                ["subscriber_id"] = SubscriberStore.IdOf(subscriber.Email),
            },
        };
    }

    /// <summary>
    /// "[NewsWatch] Russia → Pakistan: Mi-35 (negotiating)": the deal first, as an inbox shows it; the headline
    /// when the deal names neither party nor system. One line of at most <see cref="MaxSubject"/> characters:
    /// feed text can hold line breaks, and one in a subject would start a header of its own.
    /// </summary>
    public static string Subject(DealAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var deal = alert.Assessment;
        var subject = new StringBuilder("[NewsWatch] ");
        if (deal.Supplier is null && deal.Recipient is null && deal.Systems.Count == 0)
        {
            subject.Append(string.IsNullOrWhiteSpace(alert.Title) ? "arms deal" : alert.Title);
        }
        else
        {
            if (deal.Supplier is not null || deal.Recipient is not null)
            {
                subject.Append(deal.Supplier ?? "?").Append(" → ").Append(deal.Recipient ?? "?");
            }

            if (deal.Systems.Count > 0)
            {
                subject.Append(deal.Supplier is null && deal.Recipient is null ? "" : ": ").AppendJoin(", ", deal.Systems.Take(2).Select(s => s.Name));
            }

            // The transfer's stage, as the facts line gives it; an embargo's change when that is the news.
            var stage = deal.Stage is { } transfer && !transfer.StartsWith("embargo", StringComparison.Ordinal) ? transfer.Replace('_', ' ')
                : deal.Embargo is { } embargo ? "embargo " + embargo
                : null;
            if (stage is not null)
            {
                subject.Append(" (").Append(stage).Append(')');
            }
        }

        return OneLine(subject.ToString(), MaxSubject);
    }

    /// <summary>Control characters (line breaks among them) become spaces, runs of spaces one, and a long text is cut.</summary>
    private static string OneLine(string text, int max)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029';
            if (!space || (line.Length > 0 && line[^1] != ' '))
            {
                line.Append(space ? ' ' : c);
            }
        }

        var result = line.ToString().TrimEnd();
        return result.Length <= max ? result : result[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>The article's address when it is an absolute http(s) URL, the only kind an alert links to ("javascript:" never).</summary>
    private static string? SafeLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    private static string Following(Subscriber subscriber)
    {
        var interests = subscriber.Countries.Concat(subscriber.Categories).ToList();
        return interests.Count == 0 ? "all arms deals" : string.Join(", ", interests);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Net;
using System.Text;
using NewsWatch.Classification;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>Writes the alert a subscriber reads: headline, facts, the sentence that shows the deal, and the link.</summary>
public static class AlertEmail
{
    private const int MaxSubject = 150;
    private const string Category = "newswatch-alert";

    /// <param name="update">This subscriber had an email about the story at an earlier stage: say it is an update.</param>
    public static EmailMessage Compose(DealAlert alert, Story story, bool update, Subscriber subscriber, DeliveryKey key, SubscriptionLinks links)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(links);
        var deal = alert.Assessment;
        var evidence = deal.EvidenceSentence;
        var source = Uri.TryCreate(alert.Url, UriKind.Absolute, out var url) ? url.Host : "";
        var others = story.Outlets.Where(outlet => outlet != source).ToList();
        var subject = update ? OneLine("[NewsWatch] Update: " + Subject(alert)["[NewsWatch] ".Length..], MaxSubject) : Subject(alert);
        var link = SafeLink(alert.Url);
        var why = string.Join("; ", subscriber.Reasons(deal, alert.Title));
        var preferences = links.Preferences(subscriber.Email);
        var unsubscribe = links.Unsubscribe(subscriber.Email);

        var text = new StringBuilder();
        if (update)
        {
            text.AppendLine("UPDATE: this deal is now " + StageText(deal, story)).AppendLine();
        }

        text.AppendLine(OneLine(alert.Title, 500)).AppendLine(DealFacts.Line(deal)).AppendLine();
        if (evidence is not null)
        {
            text.Append('"').Append(OneLine(evidence, 2000)).Append("\"  (").Append(source).AppendLine(")").AppendLine();
        }

        if (link is not null)
        {
            text.AppendLine("Read the article: " + link);
        }

        if (others.Count > 0)
        {
            text.AppendLine("Also reported by: " + string.Join(", ", others));
        }

        text.AppendLine()
            .AppendLine("Why you got this: " + why)
            .AppendLine("-- ")
            .AppendLine("Change what you follow: " + preferences)
            .AppendLine("Unsubscribe: " + unsubscribe);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\"><title>").Append(Encode(subject)).Append("</title>")
            .Append("<style>@media (prefers-color-scheme: dark){body,.card{background:#16191d!important;color:#e8eaed!important}a{color:#8ab4f8!important}")
            .Append("th{color:#aab0b6!important}.quote{border-color:#3c4650!important;color:#d0d4d8!important}mark{background:#5c4a00!important;color:#fff!important}.muted{color:#9aa0a6!important}}</style></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f3f5f7;color:#1b1b1b;font-family:Segoe UI,Helvetica,Arial,sans-serif\">")
            .Append("<div class=\"card\" style=\"max-width:640px;margin:0 auto;padding:20px 16px;background:#ffffff\">");
        // The eyebrow says what the email is before the headline does: an alert, or an update of one.
        html.Append(update
            ? "<p style=\"margin:0 0 8px;font-size:13px;font-weight:700;letter-spacing:.04em;color:#8a5a00;text-transform:uppercase\">Update: now " + Encode(StageText(deal, story)) + "</p>"
            : "<p class=\"muted\" style=\"margin:0 0 8px;font-size:13px;font-weight:700;letter-spacing:.04em;color:#5f6b76;text-transform:uppercase\">NewsWatch arms-deal alert</p>");

        html.Append("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 12px\">");
        if (link is not null)
        {
            html.Append("<a href=\"").Append(Encode(link)).Append("\" style=\"color:#0b4f8a;text-decoration:none\">").Append(Encode(alert.Title)).Append("</a>");
        }
        else
        {
            html.Append(Encode(alert.Title));
        }

        html.Append("</h1>").Append(FactsTable(deal));
        if (evidence is not null)
        {
            html.Append("<blockquote class=\"quote\" style=\"margin:0 0 12px;padding:8px 12px;border-left:4px solid #c9d6e3;color:#333;line-height:1.5\">“")
                .Append(Highlight(evidence, deal.Evidence)).Append("” <span class=\"muted\" style=\"color:#666\">(").Append(Encode(source)).Append(")</span></blockquote>");
        }

        if (link is not null)
        {
            html.Append("<p style=\"margin:0 0 12px\"><a href=\"").Append(Encode(link)).Append("\" style=\"color:#0b4f8a\">Read the article on ").Append(Encode(source)).Append("</a></p>");
        }

        if (others.Count > 0)
        {
            html.Append("<p class=\"muted\" style=\"margin:0 0 12px;color:#555\">Also reported by ").Append(Encode(string.Join(", ", others))).Append("</p>");
        }

        html.Append("<p class=\"muted\" style=\"margin:16px 0 0;font-size:13px;color:#555\">Why you got this: ").Append(Encode(why)).Append("</p>")
            .Append("<hr style=\"border:none;border-top:1px solid #ddd;margin:16px 0\"><p class=\"muted\" style=\"font-size:12px;color:#666;margin:0\">Sent to ")
            .Append(Encode(subscriber.Email)).Append(" by NewsWatch. <a href=\"").Append(Encode(preferences)).Append("\" style=\"color:#0b4f8a\">Change what you follow</a> · <a href=\"")
            .Append(Encode(unsubscribe)).Append("\" style=\"color:#0b4f8a\">Unsubscribe</a></p></div></body></html>");

        return new EmailMessage(subscriber.Email, subject, html.ToString(), text.ToString())
        {
            Categories = [Category],
            CustomArgs = new Dictionary<string, string>
            {
                ["article_id"] = alert.ArticleId,
                ["story_id"] = story.Id,
                ["subscriber_id"] = key.SubscriberId,
                ["delivery_id"] = key.Id,
            },
            Headers = links.ListUnsubscribeHeaders(subscriber.Email),
        };
    }

    /// <summary>The deal record as a two-column table: what a reader scans first.</summary>
    internal static string FactsTable(DealAssessment deal)
    {
        var rows = new List<(string Name, string Value)>();
        if (deal.Supplier is not null || deal.Recipient is not null)
        {
            rows.Add(("Supplier → recipient", $"{deal.Supplier ?? "?"} → {deal.Recipient ?? "?"}"));
        }

        if (deal.Systems.Count > 0)
        {
            rows.Add(("Systems", string.Join(", ", deal.Systems.Select(s =>
                (s.Quantity is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " × " : "") + s.Name + " (" + WeaponCategory.DisplayName(s.Category) + ")"))));
        }

        if (deal.Stage is not null && !DealStage.IsEmbargo(deal.Stage))
        {
            rows.Add(("Stage", deal.Stage.Replace('_', ' ')));
        }

        if (deal.Embargo is not null)
        {
            rows.Add(("Embargo", deal.Embargo));
        }

        if (deal.Value is not null)
        {
            rows.Add(("Value", deal.Value));
        }

        rows.Add(("Confidence", deal.Score.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) + " that this reports an arms deal"));
        var table = new StringBuilder("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 12px;font-size:14px;width:100%\">");
        foreach (var (name, value) in rows)
        {
            table.Append("<tr><th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0;color:#555;font-weight:600;white-space:nowrap;vertical-align:top;width:1%\">")
                .Append(Encode(name)).Append("</th><td style=\"padding:4px 0\">").Append(Encode(value)).Append("</td></tr>");
        }

        return table.Append("</table>").ToString();
    }

    /// <summary>The evidence sentence, HTML-encoded, with the terms the classifier matched in &lt;mark&gt;: the reader sees why it is a deal.</summary>
    internal static string Highlight(string sentence, IReadOnlyList<Evidence> evidence)
    {
        var marks = new bool[sentence.Length];
        foreach (var term in evidence.Select(e => e.Text).Where(t => t.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            for (var at = sentence.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = sentence.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marks, true, at, term.Length);
            }
        }

        var html = new StringBuilder();
        for (var i = 0; i < sentence.Length;)
        {
            var end = i;
            while (end < sentence.Length && marks[end] == marks[i])
            {
                end++;
            }

            var part = Encode(sentence[i..end]);
            html.Append(marks[i] ? "<mark style=\"background:#fff3b0;color:inherit;padding:0 1px\">" + part + "</mark>" : part);
            i = end;
        }

        return html.ToString();
    }

    private static string StageText(DealAssessment deal, Story story) => (story.Stage ?? deal.Stage ?? "reported").Replace('_', ' ');

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
    internal static string OneLine(string text, int max)
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
    internal static string? SafeLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

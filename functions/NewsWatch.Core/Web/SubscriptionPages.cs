using System.Globalization;
using System.Net;
using System.Text;
using NewsWatch.Classification;
using NewsWatch.Subscriptions;

namespace NewsWatch.Web;

/// <summary>
/// The subscription pages: plain HTML forms with labels, no script, readable on a phone and in dark mode.
/// Every value that came from a person or a feed is HTML-encoded here, and nowhere else.
/// </summary>
public static class SubscriptionPages
{
    private const string Style =
        ":root{color-scheme:light dark}body{font-family:system-ui,Segoe UI,Helvetica,Arial,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;line-height:1.5}" +
        "label{display:block;font-weight:600;margin-top:.75rem}input[type=text],input[type=email],input[type=number],select{width:100%;padding:.4rem;font-size:1rem;box-sizing:border-box}" +
        "fieldset{margin-top:.75rem;border:1px solid #8888}fieldset label{display:inline-block;font-weight:400;margin:.2rem 1rem .2rem 0}" +
        "button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}" +
        "button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f0a500;outline-offset:2px}" +
        "h1{font-size:1.6rem;line-height:1.25}.error{border-left:4px solid #b00020;padding:.5rem .75rem;background:#b0002014}.ok{border-left:4px solid #1e7b34;padding:.5rem .75rem;background:#1e7b3414}.note{color:#666}.hint{font-weight:400;color:#666;font-size:.9rem}";

    public static HtmlPage Subscribe(string action, string? error = null, string? email = null) => Page(error is null ? 200 : 400, "Subscribe to NewsWatch",
        $"<p>Arms-deal alerts from the world's news, by email: one per deal, with the facts and the evidence.</p>{Error(error)}" +
        $"<form method=\"post\" action=\"{Encode(action)}\">" +
        $"<label for=\"email\">Email address</label><input type=\"email\" id=\"email\" name=\"email\" required autocomplete=\"email\" value=\"{Encode(email ?? "")}\">" +
        TextField("countries", "Countries (supplier or recipient)", "", "Comma-separated; leave empty for every country. Example: Pakistan, India") +
        Checkboxes("categories", "Weapon categories (none ticked: all)", WeaponCategory.All, WeaponCategory.DisplayName, []) +
        "<button type=\"submit\">Subscribe</button></form>" +
        "<p class=\"note\">We send one email to confirm the address; nothing else goes out until you follow its link.</p>");

    public static HtmlPage CheckInbox() => Page(200, "Check your inbox",
        "<p>If the address can receive NewsWatch alerts, a confirmation email is on its way. Follow its link to start the alerts.</p>");

    public static HtmlPage Confirmed(string email, string preferencesLink) => Page(200, "You are subscribed",
        $"<p>Alerts will go to <strong>{Encode(email)}</strong>.</p><p><a href=\"{Encode(preferencesLink)}\">Choose what you follow</a></p>");

    public static HtmlPage Preferences(Subscriber subscriber, string action, string unsubscribeLink, string? message = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var body = new StringBuilder()
            .Append("<p>Alerts go to <strong>").Append(Encode(subscriber.Email)).Append("</strong>. Every filter you set must match; an empty one matches everything.</p>")
            .Append(message is null ? "" : $"<p class=\"ok\" role=\"status\"><strong>{Encode(message)}</strong></p>")
            .Append(Error(error))
            .Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">")
            .Append(TextField("countries", "Countries (supplier or recipient)", Join(subscriber.Countries), "Comma-separated. Example: Pakistan, India"))
            .Append(TextField("suppliers", "Supplier countries only", Join(subscriber.Suppliers), null))
            .Append(TextField("recipients", "Recipient countries only", Join(subscriber.Recipients), null))
            .Append(Checkboxes("categories", "Weapon categories", WeaponCategory.All, WeaponCategory.DisplayName, subscriber.Categories))
            .Append(TextField("systems", "Named systems", Join(subscriber.Systems), "Example: Mi-35, F-16, S-400"))
            .Append(TextField("keywords", "Keywords (one must be in the headline or evidence)", Join(subscriber.Keywords), null))
            .Append(Checkboxes("stages", "Deal stages", DealStage.All, stage => stage.Replace('_', ' '), subscriber.Stages))
            .Append("<label for=\"min_score\">Minimum relevance score <span class=\"hint\">0 to 1; 0 takes every relevant deal</span></label>")
            .Append("<input type=\"number\" id=\"min_score\" name=\"min_score\" min=\"0\" max=\"1\" step=\"0.05\" value=\"")
            .Append(subscriber.MinScore.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<fieldset><legend>Delivery</legend>")
            .Append(Radio("delivery", "immediate", "As soon as a deal is reported", subscriber.Delivery == DeliveryMode.Immediate))
            .Append(Radio("delivery", "digest", "One daily digest", subscriber.Delivery == DeliveryMode.Digest))
            .Append("</fieldset><label for=\"digest_hour\">Digest hour</label><select id=\"digest_hour\" name=\"digest_hour\">");
        for (var hour = 0; hour < 24; hour++)
        {
            body.Append("<option value=\"").Append(hour.ToString(CultureInfo.InvariantCulture)).Append('"').Append(hour == subscriber.DigestHour ? " selected" : "")
                .Append('>').Append(hour.ToString("00", CultureInfo.InvariantCulture)).Append(":00</option>");
        }

        body.Append("</select>")
            .Append(TextField("time_zone", "Time zone", subscriber.TimeZone, "IANA name, for example Europe/Paris or Asia/Karachi"))
            .Append("<button type=\"submit\">Save preferences</button></form>")
            .Append("<p><a href=\"").Append(Encode(unsubscribeLink)).Append("\">Unsubscribe</a></p>");
        return Page(error is null ? 200 : 400, "Your NewsWatch preferences", body.ToString());
    }

    public static HtmlPage Unsubscribe(string email, string action) => Page(200, "Unsubscribe from NewsWatch",
        $"<p>Stop all NewsWatch email to <strong>{Encode(email)}</strong>?</p>" +
        $"<form method=\"post\" action=\"{Encode(action)}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>");

    public static HtmlPage Unsubscribed(string email) => Page(200, "You are unsubscribed",
        $"<p>No more NewsWatch email will go to <strong>{Encode(email)}</strong>. Changed your mind? Subscribe again from the subscribe page.</p>");

    public static HtmlPage Problem(int status, string title, string message) => Page(status, title, $"<p>{Encode(message)}</p>");

    private static HtmlPage Page(int status, string title, string body) => new(status,
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
        $"<title>{Encode(title)}</title><style>{Style}</style></head><body><main><h1>{Encode(title)}</h1>{body}</main></body></html>");

    private static string Error(string? error) => error is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(error)}</p>";

    private static string TextField(string name, string label, string value, string? hint) =>
        $"<label for=\"{name}\">{Encode(label)}{(hint is null ? "" : $" <span class=\"hint\">{Encode(hint)}</span>")}</label>" +
        $"<input type=\"text\" id=\"{name}\" name=\"{name}\" value=\"{Encode(value)}\">";

    private static string Checkboxes(string name, string legend, IReadOnlyList<string> values, Func<string, string> display, IReadOnlyList<string> ticked) =>
        $"<fieldset><legend>{Encode(legend)}</legend>" +
        string.Concat(values.Select(value =>
            $"<label><input type=\"checkbox\" name=\"{name}\" value=\"{Encode(value)}\"{(ticked.Contains(value, StringComparer.OrdinalIgnoreCase) ? " checked" : "")}> {Encode(display(value))}</label>")) +
        "</fieldset>";

    private static string Radio(string name, string value, string label, bool selected) =>
        $"<label><input type=\"radio\" name=\"{name}\" value=\"{value}\"{(selected ? " checked" : "")}> {Encode(label)}</label>";

    private static string Join(IReadOnlyList<string> values) => string.Join(", ", values);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Web;

/// <summary>
/// A subscriber's whole journey against `newswatch run` (the local runner, its HTTP endpoints and its timer) over
/// Azurite, a local feed server and the fake SendGrid: subscribe → confirmation email → confirm → alert → preferences
/// → one-click unsubscribe from the alert's List-Unsubscribe-Post → nothing more; forged and expired links and
/// forged webhook posts refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SubscriptionJourneyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SigningKey = "journey-test-signing-key-0123456789abcdef";
    private const string Analyst = "analyst@example.org";
    private const string Control = "control@example.org";
    private readonly ECDsa _webhookKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpClient _http = new();
    private FeedServer _feeds = null!;
    private FakeSendGrid _sendGrid = null!;
    private RunnerProcess _run = null!;
    private Uri _base = null!;
    private NewsWatchProcess _cli = null!;
    private readonly List<string> _items = [];

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _feeds = await FeedServer.StartWithFixturesAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        // Two items a second apart: the feed's observed publishing interval is a second, so it is polled every second.
        PublishFeed(Item("n1", "Central bank holds rates", "The central bank left its main interest rate unchanged."), Item("n2", "Rain expected", "Rain is expected."));
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch__SendGrid__Host"] = _sendGrid.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["NewsWatch__SendGrid__WebhookVerificationKey"] = Convert.ToBase64String(_webhookKey.ExportSubjectPublicKeyInfo()),
            ["NewsWatch__Feeds__PollSchedule"] = "* * * * * *",
            ["NewsWatch__Feeds__MinInterval"] = "00:00:01", // items come seconds apart: the feed is due every second or two
            ["NewsWatch__Feeds__MaxInterval"] = "00:01:00",
            ["NewsWatch__Subscriptions__TokenSigningKey"] = SigningKey,
        };
        _cli = new NewsWatchProcess(settings);
        Assert.Equal(0, (await _cli.RunAsync("feeds", "add", _feeds.UrlOf("desk.xml").AbsoluteUri)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", Control)).ExitCode);
        _run = await RunnerProcess.StartAsync(settings);
        _base = _run.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _run.DisposeAsync();
        _http.Dispose();
        _webhookKey.Dispose();
        await _feeds.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task Journey_SubscribeConfirmAlertPreferencesOneClick_EachStepAsTheSubscriberSeesIt()
    {
        // Subscribe with the form: the page says to check the inbox, and the inbox has a confirmation link.
        var subscribed = await _http.PostAsync(new Uri(_base, "api/subscribe"), Form(("email", Analyst), ("countries", "Pakistan")));
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains("Check your inbox", await subscribed.Content.ReadAsStringAsync());
        var confirmation = await MailTo(Analyst, 1);
        Assert.Equal("[NewsWatch] Confirm your subscription", FakeSendGrid.SubjectOf(confirmation));
        var confirmLink = Link(confirmation, "confirm");

        // Links that were tampered with, or have expired, do nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync(Tampered(confirmLink))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _http.GetAsync(ExpiredConfirmLink(Analyst))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync(new Uri(confirmLink.AbsoluteUri.Replace("confirm", "preferences", StringComparison.Ordinal)))).StatusCode);

        // Before confirming, a matching story reaches the control subscriber only.
        PublishFeed(Seed());
        await MailTo(Control, 1);
        Assert.Single(MailsTo(Analyst));

        var confirmed = await _http.GetAsync(confirmLink);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());

        // A new matching story: one alert, with the one-click headers and the preferences link.
        PublishFeed(Item("c1", "China to deliver J-10C fighters to Pakistan", "China will deliver 36 J-10C fighter jets to Pakistan under a deal signed last year, officials in Islamabad said."));
        var alert = await MailTo(Analyst, 2);
        Assert.Equal("[NewsWatch] China → Pakistan: J-10 (signed)", FakeSendGrid.SubjectOf(alert));
        var headers = alert["personalizations"]![0]!["headers"]!.AsObject(); // MailHelper puts per-recipient headers in the personalization
        Assert.Equal("List-Unsubscribe=One-Click", (string)headers["List-Unsubscribe-Post"]!);
        var oneClick = new Uri(ListUnsubscribeHttps().Match((string)headers["List-Unsubscribe"]!).Groups[1].Value);
        Assert.Contains("mailto:unsubscribe@", (string)headers["List-Unsubscribe"]!);

        // Preferences: the page shows the filters; saving India instead of Pakistan takes effect for the next stories.
        var preferences = Link(alert, "preferences");
        var page = await _http.GetStringAsync(preferences);
        Assert.Contains("value=\"Pakistan\"", page);
        var saved = await _http.PostAsync(preferences, Form(("countries", "India"), ("delivery", "immediate"), ("time_zone", "Asia/Kolkata")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved", await saved.Content.ReadAsStringAsync());
        var bad = await _http.PostAsync(preferences, Form(("countries", "Atlantis")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("&#39;Atlantis&#39; is not a country", await bad.Content.ReadAsStringAsync());

        PublishFeed(
            Item("p2", "Turkey to sell T129 attack helicopters to Pakistan", "Turkey signed a contract to sell 30 T129 ATAK attack helicopters to Pakistan, officials said."),
            Item("i1", "India signs deal to buy 26 Rafale Marine jets from France", "India has signed a contract with France to buy 26 Rafale Marine fighter jets for its navy, the defence ministry said."));
        await MailTo(Control, 4);
        var india = await MailTo(Analyst, 3);
        Assert.Equal("[NewsWatch] France → India: Rafale (signed)", FakeSendGrid.SubjectOf(india));

        // One-click unsubscribe, as a mailbox provider does it: a POST with no login, effective at once.
        using var post = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
        var unsubscribed = await _http.PostAsync(oneClick, post);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("You are unsubscribed", await unsubscribed.Content.ReadAsStringAsync());

        PublishFeed(Item("i2", "India orders 100 K9 Vajra howitzers from South Korea", "India has ordered 100 more K9 Vajra self-propelled howitzers from South Korea's Hanwha in a contract worth $900 million."));
        await MailTo(Control, 5);
        await Task.Delay(1500);
        Assert.Equal(3, MailsTo(Analyst).Count);
        var shown = await _cli.RunAsync("subscribers", "show", Analyst);
        Assert.Contains("suppressed: unsubscribed", shown.Output);
    }

    [Fact]
    public async Task Webhook_ForgedOrUnsignedPost_RefusedAndNothingSuppressed()
    {
        var body = $$"""[{"email":"{{Control}}","event":"spamreport","timestamp":1}]""";
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostEvents(body, attacker)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostEvents(body, signer: null)).StatusCode);
        Assert.DoesNotContain("suppressed", (await _cli.RunAsync("subscribers", "show", Control)).Output);

        Assert.Equal(HttpStatusCode.NoContent, (await PostEvents(body, _webhookKey)).StatusCode);
        Assert.Contains("suppressed: spamreport", (await _cli.RunAsync("subscribers", "show", Control)).Output);
    }

    [Fact]
    public async Task Subscribe_SameAddressAgainAndAgain_OneConfirmationEmailAndTheSameAnswer()
    {
        for (var i = 0; i < 4; i++)
        {
            var answer = await _http.PostAsync(new Uri(_base, "api/subscribe"), new StringContent($$"""{"email":"{{Analyst}}","countries":["Pakistan"]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        }

        await MailTo(Analyst, 1);
        await Task.Delay(500);
        Assert.Single(MailsTo(Analyst));
        var refused = await _http.PostAsync(new Uri(_base, "api/subscribe"), new StringContent("""{"email":"not an address"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is not an email address", await refused.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostEvents(string body, ECDsa? signer) =>
        _http.SendAsync(EventWebhookSignature.Post(new Uri(_base, "api/events/sendgrid"), body, signer));

    private void PublishFeed(params string[] items)
    {
        _items.InsertRange(0, items);
        _feeds.Routes["/desk.xml"] = ("application/rss+xml",
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Desk</title><link>https://desk.example/</link><description>d</description>{string.Concat(_items)}</channel></rss>");
    }

    // A second apart, whenever they are published: the feed's interval stays a second.
    private static readonly DateTimeOffset PublishedFrom = DateTimeOffset.UtcNow.AddHours(-1);
    private static int _published;

    private static string Item(string id, string title, string description) =>
        $"<item><title>{WebUtility.HtmlEncode(title)}</title><link>https://desk.example/news/{id}</link><guid isPermaLink=\"false\">{id}</guid>" +
        $"<pubDate>{PublishedFrom.AddSeconds(Interlocked.Increment(ref _published)).ToString("r", System.Globalization.CultureInfo.InvariantCulture)}</pubDate>" +
        $"<description>{WebUtility.HtmlEncode(description)}</description></item>";

    private static string Seed() => Item("seed", "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale",
        "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of a number of Mi-35 attack helicopters to Islamabad, the head of Rostec said.");

    private List<JsonObject> MailsTo(string email) =>
        [.. _sendGrid.Mails.Where(m => (string)m["personalizations"]![0]!["to"]![0]!["email"]! == email)];

    /// <summary>Waits for the <paramref name="count"/>th mail to <paramref name="email"/> and returns it.</summary>
    private async Task<JsonObject> MailTo(string email, int count)
    {
        await Until(() => Task.FromResult(MailsTo(email).Count >= count), $"mail {count} to {email}");
        return MailsTo(email)[count - 1];
    }

    private async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_run.HasExited)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        var exited = _run.HasExited;
        await _run.DisposeAsync(); // stopped, so that its log is complete
        var log = await _run.Log;
        Assert.Fail($"waited 60 s for {what}; the runner {(exited ? "had exited" : "was running")}; the end of its log:\n{log[Math.Max(0, log.Length - 4000)..]}");
    }

    private Uri Link(JsonObject mail, string route)
    {
        var text = (string)mail["content"]![0]!["value"]!;
        var match = Regex.Match(text, Regex.Escape(_base.AbsoluteUri) + "api/" + route + @"\?token=[\w\-.]+");
        Assert.True(match.Success, $"no {route} link in: {text}");
        return new Uri(match.Value);
    }

    private static Uri Tampered(Uri link) => new(link.AbsoluteUri[..^3] + (link.AbsoluteUri[^3] == 'A' ? "B" : "A") + link.AbsoluteUri[^2..]);

    private Uri ExpiredConfirmLink(string email)
    {
        var threeDaysAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-3));
        var tokens = new SubscriptionTokens(Options.Create(new SubscriptionsOptions { TokenSigningKey = SigningKey }), threeDaysAgo);
        return new Uri(_base, "api/confirm?token=" + tokens.Create(SubscriberStore.IdOf(email), TokenAction.Confirm));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("<(https?://[^>]+)>")]
    private static partial Regex ListUnsubscribeHttps();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Email;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;
using Xunit.Abstractions;

namespace NewsWatch.IntegrationTests.Web;

/// <summary>
/// The subscription pages in headless Chromium (Debian's, driven by Playwright), clicked through as a person would:
/// subscribe, confirm, preferences, unsubscribe. And an alert email's HTML rendered to PNGs (light and dark, phone
/// and desktop widths) saved beside the test output, for a person to look at.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private FakeSendGrid _sendGrid = null!;
    private RunnerProcess _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium package");
        await azurite.ResetAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _run = await RunnerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch__SendGrid__Host"] = _sendGrid.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["NewsWatch__Subscriptions__TokenSigningKey"] = "browser-test-signing-key-0123456789abcdef",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _run.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task Pages_SubscribeConfirmPreferencesUnsubscribe_ClickedThroughWithoutScript()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = false });

        await page.GotoAsync(new Uri(_run.BaseUrl, "api/subscribe").AbsoluteUri);
        await page.GetByLabel("Email address").FillAsync("reader@example.org");
        await page.GetByLabel("Countries (supplier or recipient)").FillAsync("Pakistan, India");
        await page.GetByLabel("aircraft", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "subscribe.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Check your inbox");

        await page.GotoAsync(ConfirmLink());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("You are subscribed");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Choose what you follow" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Countries (supplier or recipient)")).ToHaveValueAsync("Pakistan, India");
        await Assertions.Expect(page.GetByLabel("aircraft", new PageGetByLabelOptions { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Countries (supplier or recipient)").FillAsync("India");
        await page.GetByLabel("Named systems").FillAsync("Rafale, Su-30");
        await page.GetByLabel("One daily digest").CheckAsync();
        await page.GetByLabel("Digest hour").SelectOptionAsync("7");
        await page.GetByLabel("Time zone").FillAsync("Asia/Kolkata");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(page.GetByLabel("Named systems")).ToHaveValueAsync("Rafale, Su-30");
        await Assertions.Expect(page.GetByLabel("One daily digest")).ToBeCheckedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "preferences.png"), FullPage = true });

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not an IANA time zone");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Unsubscribe from NewsWatch");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("You are unsubscribed");
        output.WriteLine($"page screenshots in {Screenshots}");
    }

    [Fact]
    public async Task AlertEmail_RenderedLightAndDark_PngsSavedAndNothingOverflows()
    {
        var html = AlertHtml();
        foreach (var (name, width, scheme) in new[] { ("alert-email-phone", 390, ColorScheme.Light), ("alert-email-desktop", 1024, ColorScheme.Light), ("alert-email-dark", 390, ColorScheme.Dark) })
        {
            var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 }, ColorScheme = scheme, JavaScriptEnabled = false });
            await page.SetContentAsync(html);
            var path = Path.Combine(Screenshots, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            output.WriteLine(path);

            // A reader on a phone never scrolls sideways.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} is wider than the screen");
            await page.CloseAsync();
        }
    }

    private string ConfirmLink()
    {
        var mail = _sendGrid.Mails.Single();
        var text = (string)mail["content"]![0]!["value"]!;
        return Regex.Match(text, Regex.Escape(_run.BaseUrl.AbsoluteUri) + @"api/confirm\?token=[\w\-.]+").Value;
    }

    private static string AlertHtml()
    {
        var deal = new DealAssessment(true, 0.93, "negotiating", "Russia", "Pakistan", [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, 12)],
            [new Evidence("system", "Mi-35 attack helicopters"), new Evidence("transfer", "negotiating the sale"), new Evidence("party", "Rostec")])
        {
            Embargo = "lifted",
            Value = "$450 million",
            EvidenceSentence = "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of a number of Mi-35 attack helicopters to Islamabad, the head of Rostec said.",
        };
        var alert = new DealAlert("seed", "https://arms-desk.example/news/russia-pakistan-mi35", "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale", null, deal);
        var story = new Story("story", alert.Title, alert.Url, "negotiating", default, default) { Outlets = ["arms-desk.example", "wire.example", "daily.example"] };
        var links = new SubscriptionLinks(
            new SubscriptionTokens(Options.Create(new SubscriptionsOptions { TokenSigningKey = new string('k', 32) }), TimeProvider.System),
            Options.Create(new SubscriptionsOptions { PublicBaseUrl = "https://newswatch.example" }),
            Options.Create(new EmailOptions()));
        var subscriber = new Subscriber("analyst@example.org", ["Pakistan"], [WeaponCategory.Aircraft]);
        return AlertEmail.Compose(alert, story, update: false, subscriber, new DeliveryKey("story", SubscriberStore.IdOf(subscriber.Email), "negotiating"), links).HtmlBody;
    }
}

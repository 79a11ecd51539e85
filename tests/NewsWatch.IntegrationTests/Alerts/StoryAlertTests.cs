using Microsoft.Extensions.Hosting;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Functions;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Alerts;

/// <summary>
/// One deal reported by many outlets is one story: subscribers get one alert per story, one update when it moves to
/// a later stage, and nothing when an alert message comes again. Called through the SendAlerts function class.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoryAlertTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeSendGrid _sendGrid = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, _sendGrid.BaseUrl);
        var subscribers = _host.Get<SubscriberStore>();
        await subscribers.SaveAsync(new Subscriber("pakistan@example.org", ["Pakistan"], []), default);
        await subscribers.SaveAsync(new Subscriber("aircraft@example.org", [], [WeaponCategory.Aircraft]), default);
        await subscribers.SaveAsync(new Subscriber("everything@example.org", [], []), default);
        await subscribers.SaveAsync(new Subscriber("ships@example.org", [], [WeaponCategory.Ships]), default);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task SendAlerts_TenArticlesFourOutletsTwoDealsOneChangingStage_TwoAlertsAndOneUpdatePerSubscriber()
    {
        var messages = TenArticles().Select(QueueMessageSerializer.Serialize).ToList();
        var sendAlerts = new SendAlerts(_host.Get<AlertDispatcher>());

        foreach (var message in messages)
        {
            await sendAlerts.Run(message, default);
        }

        // Both deals are aircraft deals; only deal A involves Pakistan.
        foreach (var (subscriber, deals) in new[] { ("aircraft@example.org", 2), ("everything@example.org", 2), ("pakistan@example.org", 1) })
        {
            var subjects = SubjectsTo(subscriber);
            Assert.Equal(deals, subjects.Count(s => !s.Contains("Update:", StringComparison.Ordinal)));
            Assert.Equal(["[NewsWatch] Update: Russia → Pakistan: Mi-35 (signed)"], subjects.Where(s => s.Contains("Update:", StringComparison.Ordinal)));
        }

        Assert.Empty(SubjectsTo("ships@example.org"));
        var update = _sendGrid.Mails.Single(m => FakeSendGrid.SubjectOf(m)!.Contains("Update:", StringComparison.Ordinal) && To(m) == "pakistan@example.org");
        Assert.Contains("Also reported by", (string)update["content"]![0]!["value"]!);

        var before = _sendGrid.Mails.Count;
        foreach (var message in messages)
        {
            await sendAlerts.Run(message, default); // every alerts message delivered again
        }

        Assert.Equal(before, _sendGrid.Mails.Count);
        Assert.Equal(8, before);
    }

    [Fact]
    public async Task Attach_WireCopyWithoutTheParties_JoinsTheStoryByItsText()
    {
        var stories = _host.Get<StoryStore>();
        var first = await stories.AttachAsync(Alert("a1", "https://one.example/a", "Russia to sell Mi-35 helicopters to Pakistan, officials say", Mi35("negotiating")), default);
        var copy = await stories.AttachAsync(
            Alert("a2", "https://two.example/b", "Russia to sell Mi-35 helicopters to Pakistan, officials said", Mi35("negotiating") with { Supplier = null }),
            default);
        var other = await stories.AttachAsync(Alert("a3", "https://three.example/c", "Navy commissions new frigate in Karachi", Frigate("delivered")), default);

        Assert.True(first.Started);
        Assert.Equal(first.Story.Id, copy.Story.Id);
        Assert.Equal(["one.example", "two.example"], copy.Story.Outlets);
        Assert.NotEqual(first.Story.Id, other.Story.Id);
    }

    /// <summary>Deal A (Russia → Pakistan, Mi-35) negotiating in 3 outlets, then signed in 2; deal B (France → India, Rafale) in 5 articles.</summary>
    private static IEnumerable<DealAlert> TenArticles()
    {
        yield return Alert("a1", "https://wire.example/1", "Russia negotiating Mi-35 sale to Pakistan", Mi35("negotiating"));
        yield return Alert("b1", "https://daily.example/1", "India to buy 26 Rafale jets from France", Rafale());
        yield return Alert("a2", "https://daily.example/2", "Moscow and Islamabad in talks over attack helicopters", Mi35("negotiating"));
        yield return Alert("b2", "https://wire.example/2", "France, India near Rafale Marine deal", Rafale());
        yield return Alert("a3", "https://gazette.example/3", "Pakistan eyes Russian Mi-35 gunships", Mi35("negotiating"));
        yield return Alert("b3", "https://gazette.example/4", "Rafale order for Indian Navy", Rafale());
        yield return Alert("a4", "https://wire.example/5", "Russia and Pakistan sign Mi-35 contract", Mi35("signed"));
        yield return Alert("b4", "https://herald.example/6", "New Delhi confirms Rafale purchase", Rafale());
        yield return Alert("a5", "https://herald.example/7", "Pakistan signs for Russian helicopters", Mi35("signed"));
        yield return Alert("b5", "https://daily.example/8", "French jets for India: what we know", Rafale());
    }

    private static DealAlert Alert(string id, string url, string title, DealAssessment deal) => new(id, url, title, null, deal);

    private static DealAssessment Mi35(string stage) =>
        new(true, 0.9, stage, "Russia", "Pakistan", [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null)], [])
        {
            EvidenceSentence = $"Russia and Pakistan are {stage} over the sale of Mi-35 attack helicopters.",
        };

    private static DealAssessment Rafale() =>
        new(true, 0.9, "negotiating", "France", "India", [new WeaponSystemMention("Rafale", WeaponCategory.Aircraft, 26)], [])
        {
            EvidenceSentence = "India is negotiating the purchase of 26 Rafale fighters from France.",
        };

    private static DealAssessment Frigate(string stage) =>
        new(true, 0.8, stage, null, "Pakistan", [new WeaponSystemMention("Babur-class", WeaponCategory.Ships, 1)], []);

    private List<string> SubjectsTo(string email) =>
        [.. _sendGrid.Mails.Where(m => To(m) == email).Select(m => FakeSendGrid.SubjectOf(m)!)];

    private static string To(System.Text.Json.Nodes.JsonObject mail) => (string)mail["personalizations"]![0]!["to"]![0]!["email"]!;
}

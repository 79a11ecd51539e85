using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Functions;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Alerts;

/// <summary>
/// Daily digests with a fake clock, run hour by hour as the SendDigests timer runs: each subscriber gets one email at
/// their own local hour, in their IANA zone, across a DST change, with the stories since the last one; nothing when
/// nothing is new; a rerun within the hour sends nothing more.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Saturday 2026-03-07, 12:00 UTC: New York springs forward on Sunday the 8th at 02:00 local.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
    private FakeSendGrid _sendGrid = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, _sendGrid.BaseUrl, clock: _clock);
        var subscribers = _host.Get<SubscriberStore>();
        await subscribers.SaveAsync(new Subscriber("new-york@example.org", [], []) { Delivery = DeliveryMode.Digest, DigestHour = 7, TimeZone = "America/New_York" }, default);
        await subscribers.SaveAsync(new Subscriber("karachi@example.org", ["Pakistan"], []) { Delivery = DeliveryMode.Digest, DigestHour = 7, TimeZone = "Asia/Karachi" }, default);
        await subscribers.SaveAsync(new Subscriber("immediate@example.org", [], []), default);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task SendDigests_HourlyOverFourDaysAcrossDst_OneDigestPerLocalMorningOnlyWhenThereIsNews()
    {
        var sendAlerts = new SendAlerts(_host.Get<AlertDispatcher>());
        var sendDigests = new SendDigests(_host.Get<DigestSender>());
        var sent = new List<(string To, DateTimeOffset At, string Subject)>();

        await sendAlerts.Run(QueueMessageSerializer.Serialize(Alert("a1", "Russia negotiating Mi-35 sale to Pakistan", "Russia", "Pakistan", "Mi-35")), default);
        await sendAlerts.Run(QueueMessageSerializer.Serialize(Alert("a2", "Moscow, Islamabad in helicopter talks", "Russia", "Pakistan", "Mi-35")), default);
        await sendAlerts.Run(QueueMessageSerializer.Serialize(Alert("b1", "France sells Rafale jets to India", "France", "India", "Rafale")), default);
        Assert.Equal(2, _sendGrid.Mails.Count); // the immediate subscriber's two stories; digests wait
        _sendGrid.Mails.Clear();

        for (var hour = 0; hour < 88; hour++)
        {
            if (hour == 40)
            {
                // Monday 04:00 UTC: a new story, after Karachi's Monday digest hour and before New York's.
                await sendAlerts.Run(QueueMessageSerializer.Serialize(Alert("c1", "Turkey signs T129 helicopter deal with Pakistan", "Turkey", "Pakistan", "T129")), default);
                _sendGrid.Mails.Clear();
            }

            await sendDigests.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);
            await sendDigests.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), default); // a rerun in the same hour
            while (_sendGrid.Mails.TryDequeue(out var mail))
            {
                sent.Add(((string)mail["personalizations"]![0]!["to"]![0]!["email"]!, _clock.GetUtcNow(), FakeSendGrid.SubjectOf(mail)!));
            }

            _clock.Advance(TimeSpan.FromHours(1));
        }

        // New York: Sunday 07:00 EDT is 11:00 UTC (after the change); Monday 07:00 EDT is 11:00 UTC too. Saturday 07:00
        // EST (12:00 UTC) had passed when the subscriber joined, so the first digest is Sunday's.
        Assert.Equal(
            [
                ("new-york@example.org", At(2026, 3, 8, 11), "[NewsWatch] Digest for 8 March 2026: 2 arms deals"),
                ("new-york@example.org", At(2026, 3, 9, 11), "[NewsWatch] Digest for 9 March 2026: 1 arms deal"),
            ],
            sent.Where(s => s.To == "new-york@example.org"));

        // Karachi (UTC+5, no DST): 07:00 local is 02:00 UTC; only Pakistan deals. Monday had nothing new at that hour,
        // so no email; Tuesday's carries the Turkish deal.
        Assert.Equal(
            [
                ("karachi@example.org", At(2026, 3, 8, 2), "[NewsWatch] Digest for 8 March 2026: 1 arms deal"),
                ("karachi@example.org", At(2026, 3, 10, 2), "[NewsWatch] Digest for 10 March 2026: 1 arms deal"),
            ],
            sent.Where(s => s.To == "karachi@example.org"));
        Assert.DoesNotContain(sent, s => s.To == "immediate@example.org");
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static DealAlert Alert(string id, string title, string supplier, string recipient, string system) =>
        new(id, $"https://news.example/{id}", title, null,
            new DealAssessment(true, 0.9, "negotiating", supplier, recipient, [new WeaponSystemMention(system, WeaponCategory.Aircraft, null)], []));
}

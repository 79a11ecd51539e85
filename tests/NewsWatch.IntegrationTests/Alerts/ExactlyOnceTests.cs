using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Messages;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;
using Xunit.Abstractions;

namespace NewsWatch.IntegrationTests.Alerts;

/// <summary>
/// Fault injection over the real runner process: SendGrid answers 429 (with X-RateLimit-Reset, with Retry-After, with
/// neither) and 500 on a share of requests, and now and then the runner is killed right after SendGrid accepted a mail
/// and before the runner heard so: between the send and the ledger write. Every one of 1,000 emails still arrives
/// exactly once: the ledger's claims stop a second send, and SendGrid's signed "processed" events settle the claims
/// the dead process left.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Stories = 25;
    private const int Subscribers = 40;
    private static readonly int[] KillAfter = [60, 230, 410, 640, 870];
    private readonly ECDsa _webhookKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private FakeSendGrid _sendGrid = null!;
    private Process? _run;
    private int _kills;
    private int _rateLimited;
    private int _serverErrors;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_run is { HasExited: false })
        {
            _run.Kill(entireProcessTree: true);
        }

        _run?.Dispose();
        await _sendGrid.DisposeAsync();
        _webhookKey.Dispose();
    }

    [Fact]
    public async Task SendAlerts_ThrottledFailingAndKilledBetweenSendAndLedger_EveryEmailExactlyOnce()
    {
        var store = new SubscriberStore(azurite.Storage, TimeProvider.System);
        for (var i = 0; i < Subscribers; i++)
        {
            await store.SaveAsync(new Subscriber($"reader{i:00}@example.org", [], []), default);
        }

        var alerts = azurite.Storage.Queue(StorageNames.AlertsQueue);
        foreach (var alert in Alerts())
        {
            await alerts.SendMessageAsync(QueueMessageSerializer.Serialize(alert));
        }

        var port = RunnerProcess.FreePort();
        _sendGrid.Chaos = Chaos;
        var accepted = 0;
        _sendGrid.AfterAccept = async _ =>
        {
            if (KillAfter.Contains(Interlocked.Increment(ref accepted)) && _run is { HasExited: false } victim)
            {
                victim.Kill(entireProcessTree: true); // SendGrid has the mail; the runner never learns it
                Interlocked.Increment(ref _kills);
                await victim.WaitForExitAsync();
            }
        };
        _sendGrid.StartEventWebhook(new Uri($"http://127.0.0.1:{port}/api/events/sendgrid"), _webhookKey);
        var runner = new NewsWatchProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch__SendGrid__Host"] = _sendGrid.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["NewsWatch__SendGrid__RetryBaseDelay"] = "00:00:00.050",
            ["NewsWatch__SendGrid__WebhookVerificationKey"] = Convert.ToBase64String(_webhookKey.ExportSubjectPublicKeyInfo()),
            ["NewsWatch__Alerts__DeliveryClaimLease"] = "00:00:03",
            ["NEWSWATCH_RUNNER_PROCESSING_LEASE"] = "15", // a killed runner's messages come back in 15 s, not the host's 10 minutes
            ["NewsWatch__Subscriptions__TokenSigningKey"] = "exactly-once-test-signing-key-0123456789",
            ["NewsWatch__Subscriptions__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        });

        var expected = Stories * Subscribers;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var starts = 0;
        while (Distinct() < expected && DateTime.UtcNow < deadline)
        {
            if (_run is null || _run.HasExited)
            {
                _run?.Dispose();
                _run = runner.Start("run", "--urls", $"http://127.0.0.1:{port}");
                _ = _run.StandardOutput.ReadToEndAsync();
                var log = _run.StandardError;
                _ = Task.Run(async () => await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "exactly-once-runner.log"), await log.ReadToEndAsync()));
                starts++;
            }

            await Task.Delay(250);
        }

        // Long enough for any claim left behind to pass its lease and be looked at again.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var perDelivery = _sendGrid.Mails.GroupBy(DeliveryId).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"emails expected {expected}, accepted by SendGrid {_sendGrid.Mails.Count}, distinct {perDelivery.Count}, " +
                         $"duplicates {perDelivery.Values.Sum(n => n - 1)}; requests {_sendGrid.Requests}, answered 429 {_rateLimited}, 500 {_serverErrors}; " +
                         $"runner killed between send and ledger {_kills} times, started {starts} times; webhook posts that found the runner down {_sendGrid.EventPostsFailed}");

        Assert.Equal(KillAfter.Length, _kills);
        Assert.True(_rateLimited > 0 && _serverErrors > 0);
        Assert.Equal(expected, perDelivery.Count);
        Assert.All(perDelivery, delivery => Assert.Equal(1, delivery.Value));
        Assert.DoesNotContain(_sendGrid.Rejections, r => !r.StartsWith("429", StringComparison.Ordinal) && !r.StartsWith("500", StringComparison.Ordinal));
        Assert.Equal(0, (await azurite.Storage.Queue(StorageNames.PoisonQueueOf(StorageNames.AlertsQueue)).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private (int Status, Dictionary<string, string> Headers)? Chaos(int request)
    {
        (int, Dictionary<string, string>)? answer = (request % 97, request % 41, request % 13, request % 17) switch
        {
            (0, _, _, _) => (429, new() { ["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture) }),
            (_, 0, _, _) => (429, new() { ["Retry-After"] = "1" }),
            (_, _, 0, _) => (429, new()),
            (_, _, _, 0) => (500, new()),
            _ => null,
        };
        if (answer?.Item1 == 429)
        {
            Interlocked.Increment(ref _rateLimited);
        }
        else if (answer is not null)
        {
            Interlocked.Increment(ref _serverErrors);
        }

        return answer;
    }

    private int Distinct() => _sendGrid.Mails.Select(DeliveryId).Distinct().Count();

    private static string DeliveryId(System.Text.Json.Nodes.JsonObject mail) => (string)mail["personalizations"]![0]!["custom_args"]!["delivery_id"]!;

    /// <summary>Unrelated deals: different parties, systems and words, so each is its own story.</summary>
    private static IEnumerable<DealAlert> Alerts()
    {
        string[] words = ["frigate", "radar", "howitzer", "drone", "submarine", "missile", "tank", "helicopter", "corvette", "jet", "satellite", "engine",
            "ministry", "parliament", "budget", "tender", "offset", "factory", "navy", "army", "coast", "border", "treaty", "summit", "export", "licence"];
        string[] countries = ["France", "India", "Brazil", "Egypt", "Japan", "Poland", "Chile", "Kenya", "Norway", "Qatar", "Peru", "Ghana", "Spain"];
        var random = new Random(5);
        for (var i = 0; i < Stories; i++)
        {
            var title = string.Join(' ', Enumerable.Range(0, 9).Select(_ => words[random.Next(words.Length)])) + $" {i}";
            var deal = new DealAssessment(true, 0.9, "signed", countries[i % countries.Length], countries[(i + 5) % countries.Length],
                [new WeaponSystemMention($"System-{i}", WeaponCategory.Other, null)], []);
            yield return new DealAlert($"article-{i}", $"https://wire.example/{i}", title, null, deal);
        }
    }

}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using NewsWatch.Alerts;
using NewsWatch.Email;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Alerts;

/// <summary>SendGrid's Event Webhook posts, signed with a key made here, applied to the subscribers table over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailEventsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private IHost _host = null!;
    private SubscriberStore _store = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?>
        {
            ["NewsWatch:SendGrid:WebhookVerificationKey"] = Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo()),
        });
        _store = _host.Get<SubscriberStore>();
        foreach (var email in new[] { "bounced@example.org", "reported@example.org", "left@example.org", "reader@example.org" })
        {
            await _store.SaveAsync(new Subscriber(email, [], []), default);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _sendGrid.Dispose();
    }

    [Fact]
    public async Task Receive_SignedEvents_BounceSpamReportAndUnsubscribeSuppressOthersDoNot()
    {
        var body = Encoding.UTF8.GetBytes("""
            [
              {"email":"bounced@example.org","event":"bounce","type":"bounce","reason":"550 5.1.1 unknown user","article_id":"a1"},
              {"email":"reported@example.org","event":"spamreport"},
              {"email":"left@example.org","event":"group_unsubscribe","asm_group_id":1},
              {"email":"reader@example.org","event":"delivered"},
              {"email":"reader@example.org","event":"open"},
              {"email":"stranger@example.org","event":"bounce"},
              {"event":"bounce"}
            ]
            """);

        var outcome = await Receive(body, sign: _sendGrid);

        Assert.Equal(new WebhookOutcome(WebhookVerdict.Valid, Events: 6, Suppressed: 3), outcome);
        Assert.Equal("bounce", (await _store.GetAsync("bounced@example.org", default))!.SuppressedReason);
        Assert.Equal("spamreport", (await _store.GetAsync("reported@example.org", default))!.SuppressedReason);
        Assert.Equal("group_unsubscribe", (await _store.GetAsync("left@example.org", default))!.SuppressedReason);
        Assert.False((await _store.GetAsync("reader@example.org", default))!.Suppressed);
        Assert.Null(await _store.GetAsync("stranger@example.org", default));
    }

    [Fact]
    public async Task Receive_ForgedOrUnsignedPost_NothingSuppressed()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var body = Encoding.UTF8.GetBytes("""[{"email":"reader@example.org","event":"unsubscribe"}]""");

        var forged = await Receive(body, sign: attacker);
        var unsigned = await _host.Get<EmailEvents>().ReceiveAsync(null, null, body, default);

        Assert.Equal(WebhookVerdict.Forged, forged.Verdict);
        Assert.Equal(WebhookVerdict.NotSigned, unsigned.Verdict);
        Assert.False((await _store.GetAsync("reader@example.org", default))!.Suppressed);
    }

    [Fact]
    public async Task Receive_SignedButNotAnArray_UnreadableAndNothingSuppressed()
    {
        var outcome = await Receive(Encoding.UTF8.GetBytes("""{"email":"reader@example.org","event":"bounce"}"""), sign: _sendGrid);

        Assert.Equal(new WebhookOutcome(WebhookVerdict.Valid, Readable: false), outcome);
        Assert.False((await _store.GetAsync("reader@example.org", default))!.Suppressed);
    }

    [Fact]
    public async Task Receive_ProcessedEventForAClaim_MarksItSentAndIgnoresUnknownIds()
    {
        var ledger = _host.Get<DeliveryLedger>();
        var key = new DeliveryKey("story", SubscriberStore.IdOf("reader@example.org"), "signed");
        Assert.NotNull(await ledger.TryClaimAsync(key, "reader@example.org", default)); // the sender died after SendGrid took the mail
        var body = Encoding.UTF8.GetBytes($$"""
            [{"email":"reader@example.org","event":"processed","delivery_id":"{{key.Id}}"},
             {"email":"reader@example.org","event":"processed","delivery_id":"no:such:delivery"},
             {"email":"reader@example.org","event":"processed","delivery_id":"bad/key#?"}]
            """);

        var outcome = await Receive(body, sign: _sendGrid);

        Assert.Equal(1, outcome.Confirmed);
        Assert.Equal("sent", await ledger.StatusAsync(key, default));
        Assert.Null(await ledger.TryClaimAsync(key, "reader@example.org", default));
    }

    private Task<WebhookOutcome> Receive(byte[] body, ECDsa sign)
    {
        var (signature, timestamp) = EventWebhookSignature.Sign(sign, body);
        return _host.Get<EmailEvents>().ReceiveAsync(signature, timestamp, body, default);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Email;

namespace NewsWatch.UnitTests.Email;

/// <summary>Event Webhook posts signed as SendGrid signs them (ECDSA P-256 over timestamp + body), with a key made here.</summary>
public sealed class EventWebhookVerifierTests : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"email":"desk@example.org","event":"bounce","timestamp":1795000000}]""");

    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _sendGrid.Dispose();

    [Fact]
    public void Verify_SignedJustNow_Valid()
    {
        using var verifier = Verifier(PublicKey(_sendGrid));
        var timestamp = Now();

        Assert.Equal(WebhookVerdict.Valid, verifier.Verify(Sign(_sendGrid, timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Forged()
    {
        using var verifier = Verifier(PublicKey(_sendGrid));
        var timestamp = Now();
        var signature = Sign(_sendGrid, timestamp, Body);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("desk@", "boss@", StringComparison.Ordinal));

        Assert.Equal(WebhookVerdict.Forged, verifier.Verify(signature, timestamp, altered));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_Forged()
    {
        using var verifier = Verifier(PublicKey(_sendGrid));
        var signature = Sign(_sendGrid, Now(), Body);

        Assert.Equal(WebhookVerdict.Forged, verifier.Verify(signature, (_clock.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), Body));
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_Forged()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = Verifier(PublicKey(_sendGrid));
        var timestamp = Now();

        Assert.Equal(WebhookVerdict.Forged, verifier.Verify(Sign(attacker, timestamp, Body), timestamp, Body));
    }

    [Theory]
    [InlineData(null, "1795000000")]
    [InlineData("", "1795000000")]
    [InlineData("not base64!", "1795000000")]
    [InlineData("MEUCIQ==", null)]
    [InlineData("MEUCIQ==", "yesterday")]
    public void Verify_HeaderMissingOrUnreadable_NotSigned(string? signature, string? timestamp)
    {
        using var verifier = Verifier(PublicKey(_sendGrid));

        Assert.Equal(WebhookVerdict.NotSigned, verifier.Verify(signature, timestamp, Body));
    }

    [Fact]
    public void Verify_GenuineButElevenMinutesOld_Stale()
    {
        using var verifier = Verifier(PublicKey(_sendGrid));
        var timestamp = Now();
        var signature = Sign(_sendGrid, timestamp, Body);

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(WebhookVerdict.Stale, verifier.Verify(signature, timestamp, Body));
    }

    [Fact]
    public void Verify_NoKeyConfigured_NotConfigured()
    {
        using var verifier = Verifier(null);
        var timestamp = Now();

        Assert.Equal(WebhookVerdict.NotConfigured, verifier.Verify(Sign(_sendGrid, timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void Create_KeyNotAPublicKey_ClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Verifier(Convert.ToBase64String(Encoding.UTF8.GetBytes("not a key"))));

        Assert.Contains("WebhookVerificationKey", error.Message, StringComparison.Ordinal);
    }

    private string Now() => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private EventWebhookVerifier Verifier(string? key) =>
        new(Options.Create(new SendGridOptions { WebhookVerificationKey = key }), _clock);

    private static string PublicKey(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    private static string Sign(ECDsa key, string timestamp, byte[] body) =>
        Convert.ToBase64String(key.SignData([.. Encoding.ASCII.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}

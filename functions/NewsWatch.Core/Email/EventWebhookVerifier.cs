using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsWatch.Email;

/// <summary>
/// Checks that an Event Webhook post comes from SendGrid: its X-Twilio-Email-Event-Webhook-Signature is an ECDSA
/// (P-256, SHA-256) signature of the X-Twilio-Email-Event-Webhook-Timestamp followed by the raw body, under the
/// public key SendGrid shows for the webhook. Events suppress subscribers, so an unsigned, forged or replayed post
/// must change nothing.
/// </summary>
public sealed class EventWebhookVerifier : IDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa? _key;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    public EventWebhookVerifier(IOptions<SendGridOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tolerance = options.Value.WebhookTolerance;
        _clock = clock;
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookVerificationKey))
        {
            _key = ECDsa.Create();
            try
            {
                _key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(options.Value.WebhookVerificationKey), out _);
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                _key.Dispose();
                throw new InvalidOperationException($"{SendGridOptions.Section}:{nameof(SendGridOptions.WebhookVerificationKey)} is not a base64 public key as SendGrid shows it: {ex.Message}", ex);
            }
        }
    }

    public WebhookVerdict Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return WebhookVerdict.NotConfigured;
        }

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature ?? "");
        }
        catch (FormatException)
        {
            return WebhookVerdict.NotSigned;
        }

        if (signatureBytes.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerdict.NotSigned;
        }

        // Checked before the clock: a forged post learns nothing about the window.
        var timestampBytes = Encoding.ASCII.GetBytes(timestamp!);
        var signed = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(timestampBytes.Length));
        if (!_key.VerifyData(signed, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return WebhookVerdict.Forged;
        }

        var age = _clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        return age.Duration() > _tolerance ? WebhookVerdict.Stale : WebhookVerdict.Valid;
    }

    public void Dispose() => _key?.Dispose();
}

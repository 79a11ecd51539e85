using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>Signs an Event Webhook post as SendGrid does: ECDSA P-256 with SHA-256 over the timestamp followed by the raw body.</summary>
public static class EventWebhookSignature
{
    public static (string Signature, string Timestamp) Sign(ECDsa key, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.SignData([.. Encoding.ASCII.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp);
    }

    /// <summary>A POST of <paramref name="body"/> to <paramref name="webhook"/>, signed with <paramref name="key"/> (unsigned when null).</summary>
    public static HttpRequestMessage Post(Uri webhook, string body, ECDsa? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            var (signature, timestamp) = Sign(key, Encoding.UTF8.GetBytes(body));
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return request;
    }
}

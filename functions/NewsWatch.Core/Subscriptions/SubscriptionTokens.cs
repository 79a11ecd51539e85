using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsWatch.Subscriptions;

/// <summary>
/// Signs and checks the tokens in confirm, preferences and unsubscribe links: "payload.signature", both base64url,
/// the payload "v1|action|subscriber|expiry" and the signature its HMAC-SHA256 under the signing key. A token is
/// bound to one subscriber and one action, and compared in constant time, so links can be neither forged nor
/// reused for something else; nothing is stored, so there is nothing to look up or clean up.
/// </summary>
public sealed class SubscriptionTokens
{
    private const string Version = "v1";
    private const int MaxTokenLength = 512;
    private static readonly int SignatureLength = Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes);

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly SubscriptionsOptions _options;

    public SubscriptionTokens(IOptions<SubscriptionsOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _key = string.IsNullOrEmpty(_options.TokenSigningKey) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(_options.TokenSigningKey);
    }

    /// <summary>Whether the key was made up by this process because none is configured (links die with it).</summary>
    public bool EphemeralKey => string.IsNullOrEmpty(_options.TokenSigningKey);

    public string Create(string subscriberId, TokenAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        if (subscriberId.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("A subscriber id cannot hold '|'.", nameof(subscriberId));
        }

        var lifetime = action switch
        {
            TokenAction.Confirm => _options.ConfirmationLifetime,
            TokenAction.Preferences => _options.PreferencesLifetime,
            _ => (TimeSpan?)null,
        };
        var expiry = lifetime is { } life ? (_clock.GetUtcNow() + life).ToUnixTimeSeconds() : 0;
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, ((int)action).ToString(CultureInfo.InvariantCulture), subscriberId, expiry.ToString(CultureInfo.InvariantCulture)));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public TokenCheck Check(string? token, TokenAction action)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || token.Split('.') is not [{ Length: > 0 } payloadPart, var signaturePart] ||
            signaturePart.Length != SignatureLength || !Base64Url.IsValid(payloadPart) || !Base64Url.IsValid(signaturePart))
        {
            return new TokenCheck(TokenVerdict.Malformed);
        }

        var payload = Base64Url.DecodeFromChars(payloadPart);
        var signature = Base64Url.DecodeFromChars(signaturePart);
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return new TokenCheck(TokenVerdict.Forged);
        }

        // Signed by us, so well formed unless the format itself changed.
        if (Encoding.UTF8.GetString(payload).Split('|') is not [Version, var actionText, var subscriberId, var expiryText] ||
            !int.TryParse(actionText, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAction) ||
            !long.TryParse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return new TokenCheck(TokenVerdict.Malformed);
        }

        if (signedAction != (int)action)
        {
            return new TokenCheck(TokenVerdict.WrongAction);
        }

        return expiry != 0 && _clock.GetUtcNow().ToUnixTimeSeconds() >= expiry
            ? new TokenCheck(TokenVerdict.Expired, subscriberId)
            : new TokenCheck(TokenVerdict.Valid, subscriberId);
    }
}

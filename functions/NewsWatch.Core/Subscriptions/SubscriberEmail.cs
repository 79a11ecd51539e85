using System.Net.Mail;

namespace NewsWatch.Subscriptions;

/// <summary>What counts as a subscriber's address, normalised so one person is one row.</summary>
public static class SubscriberEmail
{
    public static bool TryNormalize(string? text, out string email, out string error)
    {
        email = "";
        var trimmed = text?.Trim() ?? "";
        if (!MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed
            || !address.Host.Contains('.', StringComparison.Ordinal)
            || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
        {
            error = $"'{text}' is not an email address (expected name@example.org)";
            return false;
        }

        email = address.User + "@" + address.Host.ToLowerInvariant();
        error = "";
        return true;
    }
}

using NewsWatch.Classification;

namespace NewsWatch.Subscriptions;

/// <summary>
/// Someone who gets alerts, and what they follow. Within a list any entry matches; when both
/// lists are set, a deal must match both (countries Pakistan + category ships = Pakistani
/// ship deals). Empty lists follow everything.
/// </summary>
public sealed record Subscriber(string Email, IReadOnlyList<string> Countries, IReadOnlyList<string> Categories)
{
    /// <summary>Why no mail goes to this address any more ("unsubscribed", "bounce", "spamreport"…); null while mail goes.</summary>
    public string? SuppressedReason { get; init; }

    public DateTimeOffset? SuppressedAt { get; init; }

    public bool Suppressed => SuppressedReason is not null;

    public bool Follows(DealAssessment deal)
    {
        var countryMatch = Countries.Count == 0
            || Countries.Any(c => string.Equals(c, deal.Supplier, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c, deal.Recipient, StringComparison.OrdinalIgnoreCase));
        var categoryMatch = Categories.Count == 0
            || deal.Systems.Any(s => Categories.Contains(s.Category, StringComparer.OrdinalIgnoreCase));
        return countryMatch && categoryMatch;
    }
}

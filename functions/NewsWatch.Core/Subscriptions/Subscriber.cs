using NewsWatch.Classification;

namespace NewsWatch.Subscriptions;

/// <summary>
/// Someone who gets alerts, and what they follow. Within a list any entry matches; every list that is set must
/// match (countries Pakistan + category ships = Pakistani ship deals). Empty lists follow everything.
/// </summary>
public sealed record Subscriber(string Email, IReadOnlyList<string> Countries, IReadOnlyList<string> Categories)
{
    /// <summary>Countries to follow as the supplier only (canonical names).</summary>
    public IReadOnlyList<string> Suppliers { get; init; } = [];

    /// <summary>Countries to follow as the recipient only (canonical names).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Named systems ("Mi-35", "F-16"), compared without case.</summary>
    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>Deal stages (<see cref="DealStage"/>); an embargo counts as embargo_imposed or embargo_lifted.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>The lowest relevance score worth an alert; 0 takes every relevant deal.</summary>
    public double MinScore { get; init; }

    /// <summary>Why no mail goes to this address any more ("unsubscribed", "bounce", "spamreport"…); null while mail goes.</summary>
    public string? SuppressedReason { get; init; }

    public DateTimeOffset? SuppressedAt { get; init; }

    /// <summary>Words or phrases of which at least one must appear in the headline or the evidence ("Black Sea", "offset").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Immediate alerts, or one daily digest at <see cref="DigestHour"/> in <see cref="TimeZone"/>.</summary>
    public DeliveryMode Delivery { get; init; } = DeliveryMode.Immediate;

    /// <summary>The local hour (0-23) a digest goes out.</summary>
    public int DigestHour { get; init; } = 8;

    /// <summary>The subscriber's IANA time zone ("Europe/Paris"), for the digest hour.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>False from the subscribe form until the confirmation link is followed (double opt-in): no alert goes before.</summary>
    public bool Confirmed { get; init; } = true;

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>The local date of the last digest this subscriber got (or had nothing new for).</summary>
    public DateOnly? LastDigest { get; init; }

    /// <summary>Whether alerts go to this address at all: confirmed, and not suppressed.</summary>
    public bool Active => Confirmed && !Suppressed;

    public bool Suppressed => SuppressedReason is not null;

    public bool Follows(DealAssessment deal, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.Score >= MinScore
            && (Keywords.Count == 0 || Keywords.Any(keyword => KeywordMatch.In(keyword, headline) || KeywordMatch.In(keyword, deal.EvidenceSentence)))
            && (Countries.Count == 0 || Contains(Countries, deal.Supplier) || Contains(Countries, deal.Recipient))
            && (Suppliers.Count == 0 || Contains(Suppliers, deal.Supplier))
            && (Recipients.Count == 0 || Contains(Recipients, deal.Recipient))
            && (Categories.Count == 0 || deal.Systems.Any(s => Contains(Categories, s.Category)))
            && (Systems.Count == 0 || deal.Systems.Any(s => Contains(Systems, s.Name)))
            && (Stages.Count == 0 || Contains(Stages, deal.Stage) || (deal.Embargo is { } embargo && Contains(Stages, "embargo_" + embargo)));
    }

    /// <summary>Why a deal this subscriber follows reached them, one reason per filter that is set: the email says so.</summary>
    public IReadOnlyList<string> Reasons(DealAssessment deal, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var reasons = new List<string>();
        if (Countries.Count > 0)
        {
            reasons.Add("country " + string.Join(" and ", new[] { deal.Supplier, deal.Recipient }.Where(c => Contains(Countries, c)).Distinct()));
        }

        AddIf(reasons, Suppliers.Count > 0, "supplier " + deal.Supplier);
        AddIf(reasons, Recipients.Count > 0, "recipient " + deal.Recipient);
        AddIf(reasons, Categories.Count > 0, "category " + string.Join(", ", deal.Systems.Select(s => s.Category).Where(c => Contains(Categories, c)).Distinct().Select(WeaponCategory.DisplayName)));
        AddIf(reasons, Systems.Count > 0, "system " + string.Join(", ", deal.Systems.Select(s => s.Name).Where(n => Contains(Systems, n)).Distinct()));
        AddIf(reasons, Stages.Count > 0, "stage " + (deal.Stage ?? "embargo " + deal.Embargo).Replace('_', ' '));
        AddIf(reasons, Keywords.Count > 0, "keyword " + string.Join(", ", Keywords.Where(k => KeywordMatch.In(k, headline) || KeywordMatch.In(k, deal.EvidenceSentence)).Select(k => "\"" + k + "\"")));
        return reasons.Count == 0 ? ["all arms deals"] : reasons;
    }

    private static void AddIf(List<string> reasons, bool set, string reason)
    {
        if (set)
        {
            reasons.Add(reason);
        }
    }

    private static bool Contains(IReadOnlyList<string> list, string? value) =>
        value is not null && list.Any(entry => string.Equals(entry, value, StringComparison.OrdinalIgnoreCase));
}

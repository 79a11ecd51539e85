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

    public bool Suppressed => SuppressedReason is not null;

    public bool Follows(DealAssessment deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.Score >= MinScore
            && (Countries.Count == 0 || Contains(Countries, deal.Supplier) || Contains(Countries, deal.Recipient))
            && (Suppliers.Count == 0 || Contains(Suppliers, deal.Supplier))
            && (Recipients.Count == 0 || Contains(Recipients, deal.Recipient))
            && (Categories.Count == 0 || deal.Systems.Any(s => Contains(Categories, s.Category)))
            && (Systems.Count == 0 || deal.Systems.Any(s => Contains(Systems, s.Name)))
            && (Stages.Count == 0 || Contains(Stages, deal.Stage) || (deal.Embargo is { } embargo && Contains(Stages, "embargo_" + embargo)));
    }

    private static bool Contains(IReadOnlyList<string> list, string? value) =>
        value is not null && list.Any(entry => string.Equals(entry, value, StringComparison.OrdinalIgnoreCase));
}

namespace NewsWatch.Alerts;

/// <summary>
/// One deal as the news tells it: every article about it, from every outlet, and the furthest stage reached
/// (negotiating → signed → delivered). Subscribers get one alert per story and one update per stage it reaches.
/// </summary>
public sealed record Story(string Id, string Headline, string Url, string? Stage, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    /// <summary>The hosts that reported it, the first reporter first.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    public IReadOnlyList<string> Articles { get; init; } = [];

    /// <summary>The stage the delivery ledger keys on: a story without one is "reported".</summary>
    public string DeliveryStage => Stage ?? "reported";
}

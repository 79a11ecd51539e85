namespace NewsWatch.Classification;

/// <summary>
/// What the classifier concluded about one article, with the text behind each conclusion.
/// Field names are a contract: `newswatch classify --jsonl` prints them and later tooling reads them.
/// </summary>
public sealed record DealAssessment(
    bool Relevant,
    double Score,
    string? Stage,
    string? Supplier,
    string? Recipient,
    IReadOnlyList<WeaponSystemMention> Systems,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>"lifted" or "imposed" when the text reports an embargo change alongside (or instead of) a deal.</summary>
    public string? Embargo { get; init; }

    /// <summary>The stated value of the deal, as written ("$1.2 billion"), when there is one.</summary>
    public string? Value { get; init; }

    /// <summary>The sentence that best shows the deal: what an alert quotes.</summary>
    public string? EvidenceSentence { get; init; }
}

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

    /// <summary>The stated value as a number (1200000000 for "$1.2 billion"); null when there is none.</summary>
    public decimal? ValueAmount { get; init; }

    /// <summary>The ISO 4217 code of the stated value's currency ("USD"); null when none is stated or it is ambiguous.</summary>
    public string? Currency { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 code of the supplier ("RU"); null when the supplier is not a country (the EU, the UN Security Council).</summary>
    public string? SupplierCode { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 code of the recipient ("PK"); null when the recipient is not a country.</summary>
    public string? RecipientCode { get; init; }

    /// <summary>The sentence that best shows the deal: what an alert quotes.</summary>
    public string? EvidenceSentence { get; init; }
}

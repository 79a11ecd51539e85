using NewsWatch.Classification;

namespace NewsWatch.Cli.Commands;

/// <summary>One line of `classify --jsonl` output. The field names are a contract for later tooling.</summary>
internal sealed record ClassifiedArticle(
    string? Id,
    bool Relevant,
    double Score,
    string? Stage,
    string? Supplier,
    string? Recipient,
    string? SupplierCode,
    string? RecipientCode,
    IReadOnlyList<WeaponSystemMention> Systems,
    IReadOnlyList<Evidence> Evidence,
    string? Embargo,
    string? Value,
    decimal? ValueAmount,
    string? Currency,
    string? EvidenceSentence)
{
    public static ClassifiedArticle From(string? id, DealAssessment assessment) => new(
        id,
        assessment.Relevant,
        Math.Round(assessment.Score, 4),
        assessment.Stage,
        assessment.Supplier,
        assessment.Recipient,
        assessment.SupplierCode,
        assessment.RecipientCode,
        assessment.Systems,
        assessment.Evidence,
        assessment.Embargo,
        assessment.Value,
        assessment.ValueAmount,
        assessment.Currency,
        assessment.EvidenceSentence);
}

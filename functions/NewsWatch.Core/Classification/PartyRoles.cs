namespace NewsWatch.Classification;

/// <param name="Supplier">Canonical supplier name, or null.</param>
/// <param name="SupplierEvidence">The span that named the supplier (a country, a maker, a system, a term).</param>
/// <param name="Recipient">Canonical recipient name, or null.</param>
/// <param name="RecipientEvidence">The span that named the recipient.</param>
internal readonly record struct PartyRoles(string? Supplier, string? SupplierEvidence, string? Recipient, string? RecipientEvidence)
{
    public static PartyRoles None { get; } = new(null, null, null, null);
}

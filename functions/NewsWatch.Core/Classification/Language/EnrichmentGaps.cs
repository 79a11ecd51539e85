namespace NewsWatch.Classification.Language;

/// <summary>What a relevant assessment lacks that Language's entities might supply.</summary>
/// <param name="MissingRole">"supplier" or "recipient" when exactly one of the two is unknown; null otherwise.</param>
/// <param name="NoNamedSystem">True when the systems are only generic nouns ("fighter jets", "arms") or none.</param>
internal readonly record struct EnrichmentGaps(string? MissingRole, bool NoNamedSystem)
{
    public bool Any => MissingRole is not null || NoNamedSystem;
}

namespace NewsWatch.Classification.Language;

/// <summary>The assessment after enrichment, and what enrichment added to it (for the log).</summary>
internal sealed record EnrichmentOutcome(DealAssessment Assessment, string? FilledRole, string? Party, IReadOnlyList<string> AddedSystems)
{
    public bool Changed => FilledRole is not null || AddedSystems.Count > 0;
}

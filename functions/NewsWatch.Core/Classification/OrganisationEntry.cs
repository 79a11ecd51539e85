namespace NewsWatch.Classification;

internal sealed class OrganisationEntry
{
    public required string Name { get; init; }

    /// <summary>The canonical country it stands for; null for multinational bodies, which stand for themselves.</summary>
    public string? Country { get; set; }

    /// <summary>"maker", "agency", "intergovernmental" or "armed_group".</summary>
    public required string Kind { get; init; }

    public required IReadOnlyList<string> Patterns { get; init; }

    public bool CaseSensitive { get; set; }
}

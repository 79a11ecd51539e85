namespace NewsWatch.Classification;

internal sealed class SystemEntry
{
    public required string Name { get; init; }

    public required string Category { get; init; }

    public string? Origin { get; set; }

    public required IReadOnlyList<string> Patterns { get; init; }

    public bool CaseSensitive { get; set; }
}

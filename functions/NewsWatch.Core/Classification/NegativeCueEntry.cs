namespace NewsWatch.Classification;

internal sealed class NegativeCueEntry
{
    public required string Name { get; init; }

    public required double Weight { get; init; }

    public required IReadOnlyList<string> Patterns { get; init; }

    public bool CaseSensitive { get; set; }
}

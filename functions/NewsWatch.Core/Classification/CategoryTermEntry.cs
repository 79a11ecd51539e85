namespace NewsWatch.Classification;

internal sealed class CategoryTermEntry
{
    public required string Name { get; init; }

    public required string Category { get; init; }

    public required IReadOnlyList<string> Patterns { get; init; }
}

namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class CategoryTermEntry
{
    public required string Name;

    public required string Category;

    public required IReadOnlyList<string> Patterns;
}

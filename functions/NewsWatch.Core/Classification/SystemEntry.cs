namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class SystemEntry
{
    public required string Name;

    public required string Category;

    public string? Origin;

    public required IReadOnlyList<string> Patterns;

    public bool CaseSensitive;
}

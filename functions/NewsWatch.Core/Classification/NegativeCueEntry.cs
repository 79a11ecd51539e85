namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class NegativeCueEntry
{
    public required string Name;

    public required double Weight;

    public required IReadOnlyList<string> Patterns;

    public bool CaseSensitive;
}

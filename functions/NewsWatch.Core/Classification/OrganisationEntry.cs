namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class OrganisationEntry
{
    public required string Name;

    /// <summary>The canonical country it stands for; null for multinational bodies, which stand for themselves.</summary>
    public string? Country;

    /// <summary>"maker", "agency", "intergovernmental" or "armed_group".</summary>
    public required string Kind;

    public required IReadOnlyList<string> Patterns;

    public bool CaseSensitive;
}

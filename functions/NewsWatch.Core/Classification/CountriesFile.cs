namespace NewsWatch.Classification;

/// <summary>countries.json: the lexicon envelope plus stop phrases.</summary>
/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class CountriesFile
{
    public required int Version;

    public string? Notes;

    public required IReadOnlyList<CountryEntry> Entries;

    /// <summary>Phrases that contain a country word but name no party ("South China Sea", "Latin America").</summary>
    public IReadOnlyList<string> StopPhrases = [];
}

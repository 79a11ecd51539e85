namespace NewsWatch.Classification;

/// <summary>countries.json: the lexicon envelope plus stop phrases.</summary>
internal sealed class CountriesFile
{
    public required int Version { get; init; }

    public string? Notes { get; set; }

    public required IReadOnlyList<CountryEntry> Entries { get; init; }

    /// <summary>Phrases that contain a country word but name no party ("South China Sea", "Latin America").</summary>
    public IReadOnlyList<string> StopPhrases { get; set; } = [];
}

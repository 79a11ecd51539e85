namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>. Optional ones default to [].</remarks>
internal sealed class CountryEntry
{
    public required string Name;

    /// <summary>ISO 3166-1 alpha-2. Resolved from user input only, never scanned in article text ("IN", "IT" are words).</summary>
    public required string Iso2;

    /// <summary>ISO 3166-1 alpha-3. Resolved from user input only.</summary>
    public required string Iso3;

    public IReadOnlyList<string> Aliases = [];

    /// <summary>Abbreviations safe to scan in text, matched exactly as written ("U.S.", "UK", "UAE", "DPRK").</summary>
    public IReadOnlyList<string> TextCodes = [];

    /// <summary>Capitals and seats of government used as metonyms ("Islamabad", "Kremlin" is an alias).</summary>
    public IReadOnlyList<string> Capitals = [];

    public IReadOnlyList<string> Demonyms = [];
}

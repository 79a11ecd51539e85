namespace NewsWatch.Classification;

/// <remarks>Optional members have setters, not init: the JSON source generator sets init-only members even when
/// a file omits them, which would replace their [] defaults with null.</remarks>
internal sealed class CountryEntry
{
    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-2. Resolved from user input only, never scanned in article text ("IN", "IT" are words).</summary>
    public required string Iso2 { get; init; }

    /// <summary>ISO 3166-1 alpha-3. Resolved from user input only.</summary>
    public required string Iso3 { get; init; }

    public IReadOnlyList<string> Aliases { get; set; } = [];

    /// <summary>Abbreviations safe to scan in text, matched exactly as written ("U.S.", "UK", "UAE", "DPRK").</summary>
    public IReadOnlyList<string> TextCodes { get; set; } = [];

    /// <summary>Capitals and seats of government used as metonyms ("Islamabad", "Kremlin" is an alias).</summary>
    public IReadOnlyList<string> Capitals { get; set; } = [];

    public IReadOnlyList<string> Demonyms { get; set; } = [];
}

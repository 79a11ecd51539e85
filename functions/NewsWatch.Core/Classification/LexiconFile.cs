namespace NewsWatch.Classification;

/// <summary>
/// The envelope every lexicon file shares: a format version (so a future change of shape is detected rather
/// than misread), notes for the people who edit the file, and the entries.
/// </summary>
internal sealed class LexiconFile<TEntry>
{
    public required int Version { get; init; }

    public string? Notes { get; set; }

    public required IReadOnlyList<TEntry> Entries { get; init; }
}

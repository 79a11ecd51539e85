namespace NewsWatch.Classification;

/// <summary>
/// The envelope every lexicon file shares: a format version (so a future change of shape is detected rather
/// than misread), notes for the people who edit the file, and the entries.
/// </summary>
/// <remarks>
/// Here and in the entries, plain fields rather than properties: the files are bound once, at start-up, by code
/// that runs before tiered compilation optimises anything, and there each property's accessors were methods of
/// their own to compile, some eighty of them. Optional members are not init-only fields, so that a member a file
/// omits keeps its default.
/// </remarks>
internal sealed class LexiconFile<TEntry>
{
    public required int Version;

    public string? Notes;

    public required IReadOnlyList<TEntry> Entries;
}

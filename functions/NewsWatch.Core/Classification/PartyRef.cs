namespace NewsWatch.Classification;

/// <param name="Name">The party as assessments report it: a canonical country name, or the organisation's name when it stands for no single country.</param>
/// <param name="Kind">What kind of mention named it.</param>
internal sealed record PartyRef(string Name, PartyKind Kind)
{
    public bool IsOrganisation => Kind is not PartyKind.Country;

    /// <summary>
    /// Named by a word that can stand before a noun: a demonym ("French warships") or a text code
    /// ("U.S. arms"). Before a weapon it says where the weapon comes from.
    /// </summary>
    public bool IsAdjective { get; init; }
}

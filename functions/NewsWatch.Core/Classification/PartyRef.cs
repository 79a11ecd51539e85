namespace NewsWatch.Classification;

/// <param name="Name">The party as assessments report it: a canonical country name, or the organisation's name when it stands for no single country.</param>
/// <param name="Kind">What kind of mention named it.</param>
internal sealed record PartyRef(string Name, PartyKind Kind)
{
    public bool IsOrganisation => Kind is not PartyKind.Country;
}

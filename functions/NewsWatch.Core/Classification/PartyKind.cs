namespace NewsWatch.Classification;

internal enum PartyKind
{
    /// <summary>Named by a country name, alias, capital or demonym.</summary>
    Country,

    /// <summary>A manufacturer: on the supplier side of any deal it appears in.</summary>
    Maker,

    /// <summary>A government arms agency (DSCA, Rosoboronexport).</summary>
    Agency,

    /// <summary>UN, EU, ECOWAS…: parties to embargoes, never recipients.</summary>
    Intergovernmental,

    /// <summary>A non-state armed group (Hezbollah, the Houthis): recipient of illicit or aid transfers, reported as its country.</summary>
    ArmedGroup,
}

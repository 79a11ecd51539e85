namespace NewsWatch.Classification;

/// <summary>Which side of a deal the grammatical subject of a transfer term is on.</summary>
internal enum TransferDirection
{
    /// <summary>The term says nothing about its subject ("deal", "signed", "approved").</summary>
    None,

    /// <summary>The subject supplies: "Russia sells", "Germany delivered", "the UN imposed an embargo".</summary>
    Supply,

    /// <summary>The subject receives: "Egypt is buying", "Poland ordered", "Ukraine received".</summary>
    Acquire,
}

namespace NewsWatch.Classification;

/// <summary>The preposition that governs a party mention, as far as the role rules care.</summary>
internal enum PrepositionKind
{
    /// <summary>No preposition: the mention can be a subject ("Russia sells…", "the Indian Navy ordered…").</summary>
    None,

    /// <summary>to, for, into, towards: the receiving end.</summary>
    To,

    /// <summary>from: the supplying end.</summary>
    From,

    /// <summary>by: the agent of a passive verb.</summary>
    By,

    /// <summary>with: the counterpart of a deal or of talks.</summary>
    With,

    /// <summary>on, against, upon: the target of an embargo.</summary>
    On,

    /// <summary>Any other preposition (in, at, over, of…): the mention is neither subject nor party to the verb.</summary>
    Other,
}

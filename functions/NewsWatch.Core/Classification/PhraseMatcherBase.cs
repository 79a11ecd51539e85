namespace NewsWatch.Classification;

/// <summary>
/// What <see cref="PhraseScanner"/> needs of a lexicon's matcher, whatever its hits mean. A base class rather
/// than an interface: the scanner calls it for four lexicons in turn, and a virtual call stays cheap where an
/// interface call on four types goes through a slower dispatch stub.
/// </summary>
internal abstract class PhraseMatcher
{
    protected PhraseMatcher(int count)
    {
        // A loop, not Array.Fill: that generic method over a struct would be compiled on every cold start.
        Gates = new FirstCharGate[count];
        for (var i = 0; i < count; i++)
        {
            Gates[i] = FirstCharGate.Open;
        }
    }

    /// <summary>
    /// Each pattern's <see cref="FirstCharGate"/>, filled in as patterns are first confirmed (until then it admits
    /// everything). A field, so that the scanner can turn a lexicon's candidates away without calling into it.
    /// Another thread may read a gate half written: each half is either all-admitting or right, so it admits at
    /// least what the right gate does.
    /// </summary>
    internal readonly FirstCharGate[] Gates;

    /// <summary>How many patterns; the scanner numbers them 0 to Count - 1 after its earlier lexicons'.</summary>
    public abstract int Count { get; }

    /// <summary>Each pattern's literal prefixes (<see cref="RegexPrefixes"/>), in pattern order.</summary>
    internal abstract IReadOnlyList<IReadOnlyList<string>> Prefixes { get; }

    /// <summary>How many slots a scan keeps for this lexicon's required-word lookups.</summary>
    internal abstract int RequiredSlots { get; }

    /// <summary>Where pattern <paramref name="pattern"/>'s matches can start (<see cref="WideAnchor"/>), or null when that cannot be narrowed down.</summary>
    internal abstract WideAnchor? AnchorOf(int pattern);

    /// <summary>A lexicon's own rule on where matches may start, beyond the word boundary.</summary>
    internal abstract bool MayStartAt(string text, int position);

    /// <summary>
    /// Tries <paramref name="candidates"/> (pattern numbers plus <paramref name="offset"/>, ascending) at
    /// <paramref name="position"/>; adds the first match's hit to <paramref name="hits"/> (this lexicon's hit
    /// list) and returns its length, or -1.
    /// </summary>
    internal abstract int MatchAt(in MatchInput input, int position, ReadOnlySpan<int> candidates, int offset, Span<int> required, object hits);
}

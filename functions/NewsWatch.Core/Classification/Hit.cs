namespace NewsWatch.Classification;

/// <summary>One lexicon match in an article's text: where it is and which entry it is.</summary>
internal readonly record struct Hit<T>(int Start, int Length, T Item)
{
    public int End => Start + Length;
}

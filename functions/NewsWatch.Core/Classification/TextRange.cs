namespace NewsWatch.Classification;

internal readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(int index) => index >= Start && index < End;
}

namespace NewsWatch.Classification;

/// <param name="Kind">Which signal this span supports: system, transfer, supplier, recipient, party, value, negative.</param>
/// <param name="Text">The span as it appears in the article.</param>
public sealed record Evidence(string Kind, string Text)
{
    /// <summary>
    /// Where the span starts, in UTF-16 code units, in the text as classified: the trimmed title, a blank line
    /// ("\n\n"), then the trimmed text (just one of them when the other is empty). The span ends at
    /// <c>Start + Text.Length</c>. -1 when the span could not be placed (never for spans the classifier read).
    /// </summary>
    public int Start { get; init; } = -1;
}

using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Splits text into sentences: at ., ! or ? followed by space and a capital, digit or quote, unless the
/// period ends a common abbreviation or an initial ("U.S. Army", "Gen. Smith", "Sergei V. Chemezov"); and at
/// blank lines. Good enough for news leads, which is all the rules need.
/// </summary>
internal static partial class SentenceSplitter
{
    public static void Split(string text, int start, int length, List<TextRange> sentences, bool isTitle)
    {
        if (length <= 0)
        {
            return;
        }

        var end = start + length;
        var sentenceStart = start;
        if (!isTitle)
        {
            var span = text.AsSpan(0, end);
            while (NextBoundary(span, sentenceStart, out var index, out var boundaryLength))
            {
                Add(text, sentenceStart, index, sentences);
                sentenceStart = index + boundaryLength;
            }
        }

        // A headline is one sentence whatever its punctuation: "Russia lifts embargo. Deal next?" is one claim.
        Add(text, sentenceStart, end, sentences);
    }

    private static void Add(string text, int start, int end, List<TextRange> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextRange(start, end - start));
        }
    }

    /// <summary>
    /// The first boundary at or after <paramref name="position"/>: the match a scan for <see cref="BoundaryPattern"/>
    /// from there finds, found by trying the pattern only where a match can start.
    /// </summary>
    /// <remarks>
    /// A boundary starts right after sentence punctuation or a closing quote or bracket (the look-behind ends
    /// with one), or at a line break (a blank line). Trying the anchored pattern at just those places, in text
    /// order, gives the leftmost match, as a scan would, and the same one: the anchored pattern is the scan's
    /// pattern tried from the same place. A scan tries every whitespace instead: some eight times as many
    /// attempts in a news lead.
    /// </remarks>
    private static bool NextBoundary(ReadOnlySpan<char> text, int position, out int index, out int length)
    {
        for (var mark = Math.Max(0, position - 1); mark < text.Length; mark++)
        {
            var next = text[mark..].IndexOfAny(BoundaryMarks);
            if (next < 0)
            {
                break;
            }

            mark += next;
            var start = text[mark] is '\r' or '\n' ? mark : mark + 1;
            if (start < position || !MayBeBoundary(text, start))
            {
                continue;
            }

            foreach (var match in BoundaryAt().EnumerateMatches(text, start))
            {
                index = match.Index;
                length = match.Length;
                return true;
            }
        }

        index = length = 0;
        return false;
    }

    /// <summary>
    /// False where <see cref="BoundaryPattern"/> cannot match at <paramref name="start"/>, read without the regex:
    /// both branches start with whitespace; the first needs a capital, digit or Arabic letter after the run of it
    /// (perhaps behind one opening quote or bracket), the second a line break in it. Most marks (the apostrophe of
    /// "Russia's", the points of "U.S." and "3.6") fail here, and the regex runs at few more than the boundaries.
    /// </summary>
    private static bool MayBeBoundary(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        var lineBreak = false;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            lineBreak |= text[end] is '\r' or '\n';
            end++;
        }

        if (end == start || lineBreak)
        {
            return end > start;
        }

        if (end < text.Length - 1 && text[end] is '"' or '“' or '‘' or '\'' or '(' or '[' or '«')
        {
            end++;
        }

        return end < text.Length && (char.IsUpper(text[end]) || char.IsAsciiDigit(text[end]) || text[end] is >= '\u0600' and <= '\u06FF');
    }

    /// <summary>What a boundary's first character is, or the character just before it: see <see cref="NextBoundary"/>.</summary>
    private static readonly SearchValues<char> BoundaryMarks = SearchValues.Create(".!?؟\"'”’)]\r\n");

    /// <summary>
    /// A boundary: whitespace after ., ! or ? (and any closing quotes or brackets) and before a capital, digit or
    /// quote, unless the period ends an abbreviation or an initial; or a blank line.
    /// </summary>
    internal const string BoundaryPattern =
        """(?<=(?:(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rep|Sen|Gov|Pres|Corp|Inc|Ltd|Co|No|Nos|St|Jr|Sr|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]))\.|[!?؟])["'”’)\]]*)\s+(?=["“‘'(\[«]?(?:\p{Lu}|[0-9]|\p{IsArabic}))|\r?\n[ \t]*\r?\n\s*""";

    internal const RegexOptions BoundaryOptions = RegexOptions.CultureInvariant;

    /// <summary><see cref="BoundaryPattern"/> anchored where the search starts (\G).</summary>
    [GeneratedRegex(@"\G(?:" + BoundaryPattern + ")", BoundaryOptions, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BoundaryAt();
}

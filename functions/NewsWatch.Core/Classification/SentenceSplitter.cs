using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Splits text into sentences: at ., ! or ? followed by space and a capital, digit or quote, unless the
/// period ends a common abbreviation or an initial ("U.S. Army", "Gen. Smith", "Sergei V. Chemezov"); and at
/// blank lines. Good enough for news leads, which is all the rules need.
/// </summary>
internal static class SentenceSplitter
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

    /// <summary>Adds the text from <paramref name="start"/> to <paramref name="end"/>, trimmed, as a sentence unless it is blank.</summary>
    internal static void Add(string text, int start, int end, List<TextRange> sentences)
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
    /// with one), or at a line break (a blank line). Reading the pattern at just those places
    /// (<see cref="BoundaryLengthAt"/>), in text order, gives the leftmost match, as a scan would, and the same
    /// one. A scan tries every whitespace instead: some eight times as many attempts in a news lead.
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
            if (start < position)
            {
                continue;
            }

            if (BoundaryLengthAt(text, start) is var found and >= 0)
            {
                (index, length) = (start, found);
                return true;
            }
        }

        index = length = 0;
        return false;
    }

    /// <summary>
    /// The length of the <see cref="BoundaryPattern"/> match that starts exactly at <paramref name="start"/>, or
    /// -1: the pattern read by hand, branch by branch, each step deterministic, so the regex would find the same
    /// match (ScanShortcutTests hold the two together). A regex call cost more than the rest of the splitting.
    /// </summary>
    private static int BoundaryLengthAt(ReadOnlySpan<char> text, int start)
    {
        // Whitespace after a sentence's end, before what can open a sentence.
        var end = start;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        if (end > start && EndsSentence(text, start) && OpensSentence(text, end))
        {
            return end - start;
        }

        // A blank line: \r?\n[ \t]*\r?\n\s*
        var i = start;
        if (!TryReadLineBreak(text, ref i))
        {
            return -1;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (!TryReadLineBreak(text, ref i))
        {
            return -1;
        }

        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>The look-behind: ., ! or ? (a period not ending an abbreviation or an initial), then closing quotes or brackets.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> text, int start)
    {
        var mark = start - 1;
        while (mark >= 0 && text[mark] is '"' or '\'' or '”' or '’' or ')' or ']')
        {
            mark--;
        }

        if (mark < 0)
        {
            return false;
        }

        if (text[mark] is '!' or '?' or '؟')
        {
            return true;
        }

        if (text[mark] != '.')
        {
            return false;
        }

        var before = text[..mark];
        if (before.Length > 0 && char.IsAsciiLetterUpper(before[^1]) && StartsWord(before, before.Length - 1))
        {
            return false; // an initial
        }

        foreach (var abbreviation in Abbreviations)
        {
            if (before.EndsWith(abbreviation, StringComparison.Ordinal) && StartsWord(before, before.Length - abbreviation.Length))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>\b before a letter at <paramref name="index"/>: no word character before it (as \b counts them, with the zero-width joiners).</summary>
    private static bool StartsWord(ReadOnlySpan<char> text, int index) =>
        index == 0 || !(TextChars.IsWordChar(text[index - 1]) || text[index - 1] is '\u200D' or '\u200C');

    /// <summary>The look-ahead: a capital, a digit or an Arabic letter, perhaps behind one opening quote or bracket.</summary>
    private static bool OpensSentence(ReadOnlySpan<char> text, int at)
    {
        static bool Opens(char c) => char.IsUpper(c) || char.IsAsciiDigit(c) || c is >= '\u0600' and <= '\u06FF';

        return at < text.Length &&
               (Opens(text[at]) || (text[at] is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' && at + 1 < text.Length && Opens(text[at + 1])));
    }

    /// <summary>\r?\n at <paramref name="i"/>, moving past it.</summary>
    private static bool TryReadLineBreak(ReadOnlySpan<char> text, ref int i)
    {
        var at = i < text.Length && text[i] == '\r' ? i + 1 : i;
        if (at < text.Length && text[at] == '\n')
        {
            i = at + 1;
            return true;
        }

        return false;
    }

    /// <summary>What a boundary's first character is, or the character just before it: see <see cref="NextBoundary"/>.</summary>
    private static readonly SearchValues<char> BoundaryMarks = SearchValues.Create(".!?؟\"'”’)]\r\n");

    /// <summary>
    /// A boundary: whitespace after ., ! or ? (and any closing quotes or brackets) and before a capital, digit or
    /// quote, unless the period ends an abbreviation or an initial; or a blank line. The definition, as a regex
    /// with <see cref="BoundaryOptions"/>: the splitter reads it by hand (<see cref="BoundaryLengthAt"/>), and
    /// the tests hold the two together.
    /// </summary>
    internal const string BoundaryPattern =
        """(?<=(?:(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rep|Sen|Gov|Pres|Corp|Inc|Ltd|Co|No|Nos|St|Jr|Sr|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]))\.|[!?؟])["'”’)\]]*)\s+(?=["“‘'(\[«]?(?:\p{Lu}|[0-9]|\p{IsArabic}))|\r?\n[ \t]*\r?\n\s*""";

    internal const RegexOptions BoundaryOptions = RegexOptions.CultureInvariant;

    /// <summary>
    /// The words whose period ends no sentence, as <see cref="BoundaryPattern"/> lists them (case as written); a
    /// test splits a sentence around each of the pattern's, both ways.
    /// </summary>
    private static readonly string[] Abbreviations =
    [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Rep", "Sen", "Gov", "Pres", "Corp", "Inc",
        "Ltd", "Co", "No", "Nos", "St", "Jr", "Sr", "vs", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec",
    ];
}

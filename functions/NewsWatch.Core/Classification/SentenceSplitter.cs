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
            foreach (var boundary in Boundary().EnumerateMatches(text.AsSpan(0, end), start))
            {
                Add(text, sentenceStart, boundary.Index, sentences);
                sentenceStart = boundary.Index + boundary.Length;
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

    [GeneratedRegex(
        """(?<=(?:(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rep|Sen|Gov|Pres|Corp|Inc|Ltd|Co|No|Nos|St|Jr|Sr|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]))\.|[!?؟])["'”’)\]]*)\s+(?=["“‘'(\[«]?(?:\p{Lu}|[0-9]|\p{IsArabic}))|\r?\n[ \t]*\r?\n\s*""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 2000)]
    private static partial Regex Boundary();
}

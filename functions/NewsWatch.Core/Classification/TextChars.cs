using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// The character facts the matcher relies on outside the regex engine, each as that engine (with the matcher's
/// options) defines it: what \w, \s and \d match, and when case-insensitive matching makes two characters
/// equal; plus <see cref="Fold"/>, the key under which patterns' prefixes and text are compared in the
/// prefilter. Unit tests hold the first three to the engine's own answers for every UTF-16 code unit.
/// </summary>
internal static class TextChars
{
    public const char Space = ' ';

    internal const RegexOptions MatcherOptions =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const uint Known = 1u << 31;
    private const uint WordFlag = 1u << 16;
    private const uint SpaceFlag = 1u << 17;
    private const uint DigitFlag = 1u << 18;

    // \w: letters, non-spacing marks, decimal digits, connector punctuation (RegexCharClass.WordClass).
    private const int WordCategories =
        (1 << (int)UnicodeCategory.UppercaseLetter) | (1 << (int)UnicodeCategory.LowercaseLetter) |
        (1 << (int)UnicodeCategory.TitlecaseLetter) | (1 << (int)UnicodeCategory.ModifierLetter) |
        (1 << (int)UnicodeCategory.OtherLetter) | (1 << (int)UnicodeCategory.NonSpacingMark) |
        (1 << (int)UnicodeCategory.DecimalDigitNumber) | (1 << (int)UnicodeCategory.ConnectorPunctuation);

    // Per UTF-16 code unit: its fold in the low 16 bits, then the \w, \s and \d flags; 0 until first needed
    // (ASCII is filled up front). Filling it lazily keeps start-up cheap; a race only writes the same value twice.
    // A test checks every character against the regex engine's own \w, \s and \d.
    private static readonly uint[] Info = CreateInfo();

    // Case-insensitive equality of non-ASCII pairs, as the regex engine answers it; asked once per pair seen.
    private static ConcurrentDictionary<int, bool>? caseEquivalents;

    public static bool IsWordChar(char c) => (InfoOf(c) & WordFlag) != 0;

    public static bool IsSpace(char c) => (InfoOf(c) & SpaceFlag) != 0;

    /// <summary>Whether \d matches <paramref name="c"/>: any decimal digit, "٣" as well as "3".</summary>
    public static bool IsDigit(char c) => (InfoOf(c) & DigitFlag) != 0;

    /// <summary>
    /// One character per class of characters that the patterns cannot tell apart in some place: letters go to
    /// lower case through upper case (so the long s ſ joins s, and the Kelvin sign K joins k), whitespace to a
    /// space (\s), decimal digits of every script to 0-9 (\d). It only has to be at least as coarse as the regex
    /// engine's case-insensitive equivalence: a test checks that over every character.
    /// </summary>
    public static char Fold(char c) => (char)InfoOf(c);

    /// <summary>Whether <paramref name="text"/> matches the pattern character <paramref name="pattern"/> under IgnoreCase.</summary>
    public static bool IgnoreCaseEquals(char pattern, char text)
    {
        if (pattern == text)
        {
            return true;
        }

        if (Fold(pattern) != Fold(text) || IsSpace(pattern) || IsSpace(text))
        {
            return false;
        }

        // Two ASCII letters with one fold are a case pair; anything else is asked of the engine itself.
        return (pattern < 0x80 && text < 0x80) || CaseEquivalents.GetOrAdd((pattern << 16) | text, static key =>
        {
            var (p, t) = ((char)(key >> 16), (char)(key & 0xFFFF));
            return Regex.IsMatch(t.ToString(), "^" + Regex.Escape(p.ToString()) + "$", MatcherOptions);
        });
    }

    // Built on first need: most text never compares a non-ASCII character with a case variant of it.
    private static ConcurrentDictionary<int, bool> CaseEquivalents =>
        Volatile.Read(ref caseEquivalents) ?? Interlocked.CompareExchange(ref caseEquivalents, new(), null) ?? caseEquivalents!;

    // Inlined: the matcher asks this of every character it reads; the rare first look at a character is not.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint InfoOf(char c)
    {
        var info = Info[c];
        return info != 0 ? info : Fill(c);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Fill(char c) => Info[c] = Compute(c);

    private static uint[] CreateInfo()
    {
        var info = new uint[0x10000];
        for (var c = '\0'; c < 128; c++)
        {
            info[c] = Compute(c);
        }

        return info;
    }

    private static uint Compute(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        var flags = Known;
        flags |= (WordCategories & (1 << (int)category)) != 0 ? WordFlag : 0;
        flags |= char.IsWhiteSpace(c) ? SpaceFlag : 0;
        flags |= category == UnicodeCategory.DecimalDigitNumber ? DigitFlag : 0;
        var fold = (flags & SpaceFlag) != 0 ? Space
            : (flags & DigitFlag) != 0 ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c))
            : char.ToLowerInvariant(char.ToUpperInvariant(c));
        return flags | fold;
    }
}

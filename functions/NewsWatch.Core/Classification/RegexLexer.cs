using System.Globalization;

namespace NewsWatch.Classification;

/// <summary>
/// The small pieces of .NET regex syntax that both readers of lexicon patterns need: <see cref="RegexSyntax"/>,
/// which builds a tree, and <see cref="RegexPrefixes"/>, which reads a pattern's prefixes in one pass at load.
/// Each reads from <c>pattern</c> at <c>i</c> and moves <c>i</c> past what it read; anything it does not
/// understand is a <see cref="NotSupportedException"/>, which both readers treat as "leave it to the engine".
/// </summary>
internal static class RegexLexer
{
    /// <summary>
    /// Reads a quantifier at <paramref name="i"/> (?, *, +, {n}, {n,}, {n,m}) and its lazy mark; false, with
    /// <paramref name="i"/> unmoved, when there is none there.
    /// </summary>
    public static bool TryReadQuantifier(string pattern, ref int i, out int min, out int max, out bool lazy)
    {
        (min, max, lazy) = (0, 0, false);
        if (i >= pattern.Length)
        {
            return false;
        }

        switch (pattern[i])
        {
            case '?':
                (min, max) = (0, 1);
                i++;
                break;
            case '*':
                (min, max) = (0, int.MaxValue);
                i++;
                break;
            case '+':
                (min, max) = (1, int.MaxValue);
                i++;
                break;
            case '{' when TryReadBounds(pattern, ref i, out min, out max):
                break;
            default:
                return false;
        }

        lazy = i < pattern.Length && pattern[i] == '?';
        i += lazy ? 1 : 0;
        return true;
    }

    /// <summary>Reads "{n}", "{n,}" or "{n,m}" at <paramref name="i"/> (on the '{'); false for a literal '{'.</summary>
    private static bool TryReadBounds(string pattern, ref int i, out int min, out int max)
    {
        (min, max) = (0, 0);
        var close = pattern.IndexOf('}', i);
        if (close < 0)
        {
            return false; // a literal '{'
        }

        var body = pattern.AsSpan(i + 1, close - i - 1);
        var comma = body.IndexOf(',');
        if (!int.TryParse(comma < 0 ? body : body[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else if (comma == body.Length - 1)
        {
            max = int.MaxValue;
        }
        else if (!int.TryParse(body[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }

        i = close + 1;
        return true;
    }

    /// <summary>The character an escape such as \. \- \t \x41 \u00E9 stands for; <paramref name="e"/> is the character after the backslash.</summary>
    public static char EscapedChar(string pattern, ref int i, char e)
    {
        switch (e)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'e': return '\u001B';
            case 'a': return '\a';
            case 'x': return Hex(pattern, ref i, 2);
            case 'u': return Hex(pattern, ref i, 4);
            default:
                // Other letters and digits (\c, \0, \b in a class) are not plain characters: not understood here.
                return char.IsLetterOrDigit(e) ? throw new NotSupportedException() : e;
        }
    }

    /// <summary>
    /// Reads one member of a character class at <paramref name="i"/>. True, with <paramref name="member"/>, for one
    /// character, written or escaped (it may start a range); false for a class escape (\p{…}, \d, \w, \s and
    /// their negations), which clears <paramref name="spelledOut"/>: those are not lists of characters.
    /// </summary>
    public static bool TryReadClassMember(string pattern, ref int i, out char member, ref bool spelledOut)
    {
        member = pattern[i++];
        if (member != '\\')
        {
            return true;
        }

        if (i >= pattern.Length)
        {
            throw new NotSupportedException();
        }

        var e = pattern[i++];
        switch (e)
        {
            case 'p' or 'P':
                SkipBraces(pattern, ref i);
                spelledOut = false;
                return false;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                spelledOut = false; // \d is any Unicode digit ("٣"), \s any whitespace: not spelled out
                return false;
            default:
                member = EscapedChar(pattern, ref i, e);
                return true;
        }
    }

    /// <summary>Skips a "{…}" at <paramref name="i"/>, as after \p or \P.</summary>
    public static void SkipBraces(string pattern, ref int i)
    {
        if (i < pattern.Length && pattern[i] == '{')
        {
            var close = pattern.IndexOf('}', i);
            i = close < 0 ? throw new NotSupportedException() : close + 1;
        }
    }

    private static char Hex(string pattern, ref int i, int digits)
    {
        if (i + digits > pattern.Length ||
            !int.TryParse(pattern.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new NotSupportedException();
        }

        i += digits;
        return (char)value;
    }
}

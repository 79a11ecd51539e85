using System.Text;

namespace NewsWatch.Feeds.Parsing;

/// <summary>
/// Turns feed bytes into text. Order of authority (RFC 7303 and what browsers do): a byte-order
/// mark, then the HTTP charset, then the XML declaration, then UTF-8. Real feeds often lie about
/// their encoding, so a declared encoding that cannot decode the bytes is dropped for the next
/// candidate, and windows-1252 (which decodes any byte) is the last resort: a feed with a few
/// wrong accents is still read.
/// </summary>
internal static class FeedTextDecoder
{
    static FeedTextDecoder()
    {
        // Legacy code pages (windows-1252, ISO-8859-x, Shift_JIS, GB2312…) are not built in on .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        var (bomEncoding, bomLength) = FromByteOrderMark(content);
        if (bomEncoding is not null)
        {
            return FixC1(DecodeLenient(bomEncoding, content[bomLength..]));
        }

        var candidates = new List<Encoding>(4);
        if (SniffUnicodeWithoutMark(content) is { } sniffed)
        {
            // UTF-16/32 without a mark announce themselves by their zero bytes around '<'.
            candidates.Add(sniffed);
        }

        AddIfKnown(candidates, CharsetOf(contentType));
        AddIfKnown(candidates, DeclaredEncoding(content));
        AddIfKnown(candidates, "utf-8");
        foreach (var encoding in candidates)
        {
            if (TryDecodeStrict(encoding, content, out var text))
            {
                return FixC1(text);
            }
        }

        return DecodeLenient(Encoding.GetEncoding(1252), content);
    }

    /// <summary>
    /// C1 control characters (U+0080–U+009F) never mean anything in a feed; they are windows-1252
    /// punctuation (curly quotes, dashes) that went through a Latin-1 round trip, so they are read as such.
    /// </summary>
    private static string FixC1(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return text;
        }

        var cp1252 = Encoding.GetEncoding(1252);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                chars[i] = cp1252.GetString([(byte)chars[i]])[0];
            }
        }

        return new string(chars);
    }

    private static (Encoding? Encoding, int Length) FromByteOrderMark(ReadOnlySpan<byte> b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    private static Encoding? SniffUnicodeWithoutMark(ReadOnlySpan<byte> b) => b switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0x00, 0x3C, 0x00, _, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, _, 0x00, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        _ => null,
    };

    /// <summary>The charset parameter of a Content-Type header, e.g. <c>text/xml; charset="utf-8"</c>.</summary>
    internal static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';').Skip(1))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return pair[1].Trim().Trim('"', '\'').Trim();
            }
        }

        return null;
    }

    /// <summary>The encoding pseudo-attribute of an XML declaration, read as ASCII from the first bytes.</summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 512)]);
        var start = head.IndexOf("<?xml", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = head.IndexOf("?>", start, StringComparison.Ordinal);
        var declaration = end < 0 ? head[start..] : head[start..end];
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close].Trim();
    }

    private static void AddIfKnown(List<Encoding> candidates, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(Alias(name.Trim()));
        }
        catch (ArgumentException)
        {
            // An unknown or bogus charset name says nothing useful; the next candidate decides.
            return;
        }

        // A document whose bytes are ASCII-compatible cannot really be UTF-16/32 because a header says so.
        if (encoding is UnicodeEncoding or UTF32Encoding && candidates.Count == 0)
        {
            return;
        }

        if (!candidates.Exists(c => c.CodePage == encoding.CodePage))
        {
            candidates.Add(encoding);
        }
    }

    private static string Alias(string name) => name.ToUpperInvariant() switch
    {
        // Browsers read ISO-8859-1 and US-ASCII as windows-1252: the C1 range holds its curly quotes.
        "ISO-8859-1" or "LATIN1" or "LATIN-1" or "ISO8859-1" or "ISO_8859-1" or "US-ASCII" or "ASCII" => "windows-1252",
        "UTF8" => "utf-8",
        "GB2312" or "GBK" => "gb18030",
        "MACINTOSH" => "macintosh",
        _ => name,
    };

    private static bool TryDecodeStrict(Encoding encoding, ReadOnlySpan<byte> content, out string text)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            text = strict.GetString(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static string DecodeLenient(Encoding encoding, ReadOnlySpan<byte> content) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetString(content);
}

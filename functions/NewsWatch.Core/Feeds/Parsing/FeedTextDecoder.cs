using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

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
    // Encoding.GetEncoding(codePage, fallbacks) builds a new Encoding (and, for the legacy code
    // pages, takes the provider's lock and reads its tables) on every call; decoding a feed asked
    // for one to three of them, which cost more than decoding a small feed. They are immutable
    // and thread-safe, so one of each kind per code page is kept (code pages are a small, closed set).
    private static readonly ConcurrentDictionary<int, Encoding> StrictByCodePage = new();
    private static readonly ConcurrentDictionary<int, Encoding> LenientByCodePage = new();
    private static readonly Encoding Utf8NoMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly Encoding Windows1252 = RegisterCodePages();

    /// <summary>What windows-1252 makes of the bytes 0x80–0x9F.</summary>
    private static readonly string C1AsWindows1252 = BuildC1Table();

    public static string Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        var (buffer, length) = DecodePooled(content, contentType);
        try
        {
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// What <see cref="Decode"/> returns, as the first <c>Length</c> characters of an array rented from
    /// <see cref="ArrayPool{T}.Shared"/>, which the caller returns: the document's text is the biggest
    /// thing a parse allocates (on the large-object heap for big feeds), and it is only read once.
    /// </summary>
    public static (char[] Buffer, int Length) DecodePooled(ReadOnlySpan<byte> content, string? contentType)
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
        AddIfKnown(candidates, Utf8NoMark);
        foreach (var encoding in candidates)
        {
            if (TryDecodeStrict(encoding, content, out var text))
            {
                return FixC1(text);
            }
        }

        return DecodeLenient(Windows1252, content);
    }

    /// <summary>
    /// C1 control characters (U+0080–U+009F) never mean anything in a feed; they are windows-1252
    /// punctuation (curly quotes, dashes) that went through a Latin-1 round trip, so they are read as such.
    /// </summary>
    private static (char[] Buffer, int Length) FixC1((char[] Buffer, int Length) text)
    {
        var chars = text.Buffer.AsSpan(0, text.Length);
        if (!chars.ContainsAnyInRange('\u0080', '\u009F'))
        {
            return text;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                chars[i] = C1AsWindows1252[chars[i] - 0x80];
            }
        }

        return text;
    }

    /// <summary>
    /// Legacy code pages (windows-1252, ISO-8859-x, Shift_JIS, GB2312…) are not built in on .NET.
    /// Runs as the first field initializer, so before anything here asks for an encoding.
    /// </summary>
    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string BuildC1Table()
    {
        var table = new char[32];
        for (var b = 0; b < table.Length; b++)
        {
            table[b] = Windows1252.GetString([(byte)(0x80 + b)])[0];
        }

        return new string(table);
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
        var alias = Alias(name.Trim());
        if (alias.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            // Nearly every feed: skip the provider lookup (and its lock).
            encoding = Utf8NoMark;
        }
        else if (alias.Equals("windows-1252", StringComparison.OrdinalIgnoreCase))
        {
            encoding = Windows1252;
        }
        else
        {
            try
            {
                encoding = Encoding.GetEncoding(alias);
            }
            catch (ArgumentException)
            {
                // An unknown or bogus charset name says nothing useful; the next candidate decides.
                return;
            }
        }

        AddIfKnown(candidates, encoding);
    }

    private static void AddIfKnown(List<Encoding> candidates, Encoding encoding)
    {
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

    private static bool TryDecodeStrict(Encoding encoding, ReadOnlySpan<byte> content, out (char[] Buffer, int Length) text)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // Validating first costs a fraction of decoding and spares the exception a strict
            // decoder throws for the many feeds that say UTF-8 and send Latin-1. It rejects exactly
            // what the strict decoder rejects (ill-formed sequences, encoded surrogates, overlongs).
            if (!Utf8.IsValid(content))
            {
                text = default;
                return false;
            }

            text = GetChars(Encoding.UTF8, content);
            return true;
        }

        var strict = StrictByCodePage.GetOrAdd(encoding.CodePage, static codePage => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
        try
        {
            text = GetChars(strict, content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = default;
            return false;
        }
    }

    private static (char[] Buffer, int Length) DecodeLenient(Encoding encoding, ReadOnlySpan<byte> content) =>
        GetChars(LenientByCodePage.GetOrAdd(encoding.CodePage, static codePage => Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)), content);

    /// <summary>The decoded text in a rented array (given back here when decoding throws).</summary>
    private static (char[] Buffer, int Length) GetChars(Encoding encoding, ReadOnlySpan<byte> content)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(content.Length)));
        try
        {
            return (buffer, encoding.GetChars(content, buffer));
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }
}

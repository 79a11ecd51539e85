using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace NewsWatch.Feeds.Parsing;

/// <summary>
/// A forgiving XML reader for feeds. Real feeds contain bare ampersands, HTML entities no DTD
/// declares, unescaped HTML, mismatched or missing end tags and truncated bodies; a strict
/// parser throws the whole document away at the first of them, although a person reading the
/// file still sees every item. This reader builds the tree a person would see: a stray end tag
/// closes the element it names (or is ignored), unknown entities stay as written, HTML entities
/// are decoded, an unfinished document keeps what it had.
/// Safety: the DTD is never fetched or read from disk; internal entities are expanded only when
/// they are plain text (no entity references inside), and total expansion is capped, so the
/// billion-laughs and quadratic-blowup documents are refused quickly with a clear error.
/// </summary>
internal sealed class LenientXmlParser
{
    /// <summary>At most this many characters may come from expanding DTD-declared entities.</summary>
    private const int MaxEntityExpansion = 1_000_000;

    /// <summary>Deeper nesting than this is not a feed; the limit keeps recursive walks of the tree safe.</summary>
    private const int MaxDepth = 256;

    private static readonly HashSet<string> HtmlVoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "wbr", "area", "col", "embed", "param", "source", "track", "input",
    };

    /// <summary>Strings up to this length that recur (names, whitespace between tags, short attribute values) are shared, not copied.</summary>
    private const int MaxInternedLength = 32;

    /// <summary>
    /// <see cref="IsNameChar"/> for ASCII, looked up rather than computed: names are scanned a
    /// character at a time, and this test is the tokenizer's innermost loop.
    /// </summary>
    private static readonly bool[] AsciiNameChars = [.. Enumerable.Range(0, 128).Select(c => !char.IsWhiteSpace((char)c) && (char)c is not ('/' or '>' or '<' or '=' or '"' or '\''))];

    /// <summary>Characters an attribute value needs work for: references to decode, and whitespace XML reads as spaces.</summary>
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&\t\n\r");

    /// <summary>
    /// HTML entity names that <see cref="WebUtility.HtmlDecode(string)"/> knows, with their text: asked once per
    /// process rather than once per reference. Only known names are added, so it holds at most HTML's 253.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> HtmlEntities = new(StringComparer.Ordinal);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>What references into the C1 range (&amp;#128;–&amp;#159;) stand for: windows-1252's characters.</summary>
    private static readonly string[] C1AsWindows1252 = [.. Enumerable.Range(0x80, 32).Select(b => Windows1252.GetString([(byte)b]))];

    /// <summary>Names and short strings kept from earlier documents of the thread: beyond this many, they are dropped.</summary>
    private const int MaxRetainedStrings = 4096;

    /// <summary>A buffer grown past this many characters is not kept for the next document.</summary>
    private const int MaxRetainedBuffer = 64 * 1024;

    /// <summary>
    /// The parser's dictionaries, lists and buffers cost more to set up than a small feed costs to read:
    /// each thread keeps one parser and reuses it, document after document (parsing never re-enters).
    /// </summary>
    [ThreadStatic]
    private static LenientXmlParser? t_cached;

    private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
    private readonly List<XmlElementNode> _open = [];

    // The children of the open elements, in one list: an element's run starts at its entry in
    // _childrenStart (parallel to _open) and becomes its exact-size Children array when it closes.
    private readonly List<object> _children = [];
    private readonly List<int> _childrenStart = [];

    private readonly CharBuffer _text = new();
    private readonly CharBuffer _value = new();
    private readonly List<(XmlName Name, string Value)> _attributes = [];

    // A feed repeats a few dozen names thousands of times: each is split and allocated once (and
    // shared with the thread's later documents; strings and names are immutable).
    private readonly Dictionary<string, XmlName> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shortStrings = new(StringComparer.Ordinal);
    /// <summary>The document: its first <see cref="_length"/> characters (the array may be longer, rented).</summary>
    private char[] _s = [];
    private int _length;
    private Uri? _documentUrl;
    private int _pos;
    private int _expanded;
    private XmlElementNode? _root;
    private bool _rootClosed;

    private LenientXmlParser()
    {
    }

    /// <summary>The document element, or null when the text holds no element at all.</summary>
    public static XmlElementNode? Parse(string text, Uri? documentUrl) => Parse(text.ToCharArray(), text.Length, documentUrl);

    /// <summary>
    /// The document element of the first <paramref name="length"/> characters of <paramref name="text"/>
    /// (which may be a rented array: nothing keeps a reference to it once this returns).
    /// </summary>
    public static XmlElementNode? Parse(char[] text, int length, Uri? documentUrl)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, text.Length);
        var parser = t_cached ?? new LenientXmlParser();
        t_cached = null;
        try
        {
            parser.Start(text, length, documentUrl);
            return parser.Run();
        }
        finally
        {
            parser.Finish();
            t_cached = parser;
        }
    }

    private void Start(char[] text, int length, Uri? documentUrl)
    {
        _s = text;
        _length = length;
        _documentUrl = documentUrl;
        _pos = 0;
        _expanded = 0;
        _root = null;
        _rootClosed = false;
    }

    /// <summary>Lets go of the document (nothing of it stays reachable from the cached parser) and trims what grew too big.</summary>
    private void Finish()
    {
        _s = [];
        _length = 0;
        _documentUrl = null;
        _root = null;
        _open.Clear();
        _children.Clear();
        _childrenStart.Clear();
        _attributes.Clear();
        _entities.Clear();
        _text.Reset(MaxRetainedBuffer);
        _value.Reset(MaxRetainedBuffer);
        if (_names.Count > MaxRetainedStrings)
        {
            _names.Clear();
        }

        if (_shortStrings.Count > MaxRetainedStrings)
        {
            _shortStrings.Clear();
        }
    }

    private XmlElementNode? Run()
    {
        while (_pos < _length)
        {
            var lt = IndexOf('<', _pos);
            if (lt < 0)
            {
                AddText(_s.AsSpan(_pos, _length - _pos), decode: true);
                break;
            }

            if (lt > _pos)
            {
                AddText(_s.AsSpan(_pos, lt - _pos), decode: true);
            }

            _pos = lt;
            var next = _pos + 1 < _length ? _s[_pos + 1] : '\0';
            if (next == '!' && Follows("<!--"))
            {
                _pos = IndexAfter("-->", _pos + 4);
            }
            else if (next == '!' && Follows("<![CDATA["))
            {
                var end = IndexOf("]]>", _pos + 9);
                var stop = end < 0 ? _length : end;
                AddText(_s.AsSpan(_pos + 9, stop - _pos - 9), decode: false);
                _pos = end < 0 ? _length : end + 3;
            }
            else if (next == '!')
            {
                ReadDeclaration();
            }
            else if (next == '?')
            {
                _pos = IndexAfter("?>", _pos + 2);
            }
            else if (next == '/')
            {
                ReadEndTag();
            }
            else if (IsNameStart(next))
            {
                ReadStartTag();
            }
            else
            {
                // A '<' that starts no tag is text ("a < b" in a title).
                AddText("<", decode: false);
                _pos++;
            }
        }

        FlushText();
        if (_open.Count > 0)
        {
            Close(0); // an unfinished document keeps what it had
        }

        return _root;
    }

    /// <summary>Closes the open elements from <paramref name="index"/> up, innermost first, handing each its children.</summary>
    private void Close(int index)
    {
        for (var m = _open.Count - 1; m >= index; m--)
        {
            var start = _childrenStart[m];
            var count = _children.Count - start;
            if (count > 0)
            {
                var children = new object[count];
                _children.CopyTo(start, children, 0, count);
                _children.RemoveRange(start, count);
                _open[m].Children = children;
            }
        }

        _open.RemoveRange(index, _open.Count - index);
        _childrenStart.RemoveRange(index, _childrenStart.Count - index);
    }

    private bool Follows(string token) => _s.AsSpan(_pos, _length - _pos).StartsWith(token, StringComparison.Ordinal);

    /// <summary>Where <paramref name="c"/> next occurs in the document from <paramref name="from"/>; -1 when it does not.</summary>
    private int IndexOf(char c, int from)
    {
        var at = _s.AsSpan(from, _length - from).IndexOf(c);
        return at < 0 ? -1 : at + from;
    }

    private int IndexOf(string token, int from)
    {
        var at = _s.AsSpan(from, _length - from).IndexOf(token, StringComparison.Ordinal);
        return at < 0 ? -1 : at + from;
    }

    private int IndexAfter(string token, int from)
    {
        var at = IndexOf(token, from);
        return at < 0 ? _length : at + token.Length;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    /// <summary>Whether a character can be part of a tag or attribute name (leniently: anything but what ends one).</summary>
    private static bool IsNameChar(char c) => c < 128 ? AsciiNameChars[c] : !char.IsWhiteSpace(c);

    /// <summary>
    /// Adds character data to the current text run; <paramref name="decode"/> is false for CDATA,
    /// whose content is never markup (it joins the text around it, as in any XML infoset).
    /// </summary>
    private void AddText(ReadOnlySpan<char> text, bool decode)
    {
        if (_open.Count == 0)
        {
            // Text outside the document element (whitespace, junk before <?xml) means nothing.
            return;
        }

        if (decode && text.Contains('&'))
        {
            DecodeInto(_text, text, inEntityValue: false);
        }
        else
        {
            _text.Append(text);
        }
    }

    private void FlushText()
    {
        if (_text.Length > 0 && _open.Count > 0)
        {
            // The indentation between elements is most of a feed's text runs, and it repeats.
            var text = _text.Span;
            _children.Add(text.IsWhiteSpace() ? Shared(text) : text.ToString());
        }

        _text.Clear();
    }

    /// <summary>The text as a string, shared with earlier occurrences when it is short.</summary>
    private string Shared(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength)
        {
            return text.ToString();
        }

        var lookup = _shortStrings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var shared))
        {
            shared = text.ToString();
            _shortStrings.Add(shared);
        }

        return shared;
    }

    private XmlName Name(ReadOnlySpan<char> text)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var name))
        {
            var qname = text.ToString();
            var (prefix, local) = Split(qname);
            name = new XmlName(qname, prefix, local);
            _names.Add(qname, name);
        }

        return name;
    }

    private void ReadDeclaration()
    {
        if (!_s.AsSpan(_pos, _length - _pos).StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            _pos = IndexAfter(">", _pos + 2);
            return;
        }

        // Walk the DOCTYPE honouring quotes and the internal subset; only <!ENTITY> lines are read.
        var i = _pos + 9;
        char quote = '\0';
        while (i < _length)
        {
            var c = _s[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                var close = IndexOf(']', i + 1);
                var subsetEnd = close < 0 ? _length : close;
                ReadInternalSubset(_s.AsSpan(i + 1, subsetEnd - i - 1));
                i = subsetEnd;
            }
            else if (c == '>')
            {
                break;
            }

            i++;
        }

        _pos = Math.Min(i + 1, _length);
    }

    private void ReadInternalSubset(ReadOnlySpan<char> subset)
    {
        var text = subset.ToString();
        var at = 0;
        while ((at = text.IndexOf("<!ENTITY", at, StringComparison.Ordinal)) >= 0)
        {
            at += 8;
            var i = SkipSpace(text, at);
            if (i < text.Length && text[i] == '%')
            {
                continue; // parameter entities only matter to a validating parser
            }

            var nameStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>')
            {
                i++;
            }

            var name = text[nameStart..i];
            i = SkipSpace(text, i);
            if (i >= text.Length || name.Length == 0)
            {
                break;
            }

            if (text[i] is '"' or '\'')
            {
                var close = text.IndexOf(text[i], i + 1);
                if (close < 0)
                {
                    break;
                }

                var raw = text.AsSpan(i + 1, close - i - 1);
                var value = new CharBuffer();
                DecodeInto(value, raw, inEntityValue: true);
                _entities.TryAdd(name, value.Span.ToString());
                at = close;
            }
            else
            {
                // SYSTEM/PUBLIC: an external entity. It is never fetched; references expand to nothing.
                _entities.TryAdd(name, "");
            }
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private void ReadEndTag()
    {
        var i = _pos + 2;
        var start = i;
        while (i < _length && IsNameChar(_s[i]))
        {
            i++;
        }

        var name = _s.AsSpan(start, i - start);
        var gt = IndexOf('>', i);
        _pos = gt < 0 ? _length : gt + 1;
        FlushText();

        // Close the innermost open element of that name and everything opened inside it;
        // an end tag that closes nothing open is a stray and is dropped.
        var match = _open.Count - 1;
        while (match >= 0 && !name.SequenceEqual(_open[match].QualifiedName))
        {
            match--;
        }

        if (match < 0)
        {
            match = _open.Count - 1;
            while (match >= 0 && !name.Equals(_open[match].QualifiedName, StringComparison.OrdinalIgnoreCase))
            {
                match--;
            }
        }

        if (match < 0)
        {
            return;
        }

        Close(match);
        if (_open.Count == 0)
        {
            _rootClosed = true;
        }
    }

    private void ReadStartTag()
    {
        var i = _pos + 1;
        var start = i;
        while (i < _length && IsNameChar(_s[i]))
        {
            i++;
        }

        var qname = Name(_s.AsSpan(start, i - start));
        var rawAttributes = _attributes;
        rawAttributes.Clear();
        var selfClosing = false;
        while (i < _length)
        {
            var c = _s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '>')
            {
                i++;
                break;
            }
            else if (c == '/' && i + 1 < _length && _s[i + 1] == '>')
            {
                selfClosing = true;
                i += 2;
                break;
            }
            else if (c == '<')
            {
                break; // an unfinished tag: the next tag starts here
            }
            else if (IsNameChar(c))
            {
                var nameStart = i;
                while (i < _length && IsNameChar(_s[i]))
                {
                    i++;
                }

                var attributeName = Name(_s.AsSpan(nameStart, i - nameStart));
                var j = i;
                while (j < _length && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                var value = "";
                if (j < _length && _s[j] == '=')
                {
                    j++;
                    while (j < _length && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    (value, i) = ReadAttributeValue(j);
                }

                rawAttributes.Add((attributeName, value));
            }
            else
            {
                i++; // junk such as a stray quote
            }
        }

        _pos = i;
        if (_rootClosed)
        {
            return; // content after the document element is not part of the feed
        }

        FlushText();
        if (_open.Count >= MaxDepth)
        {
            throw new FeedParseException($"elements are nested more than {MaxDepth} deep: not a feed");
        }

        OpenElement(qname, rawAttributes, selfClosing);
    }

    private (string Value, int Next) ReadAttributeValue(int i)
    {
        if (i >= _length)
        {
            return ("", i);
        }

        ReadOnlySpan<char> raw;
        int next;
        if (_s[i] is '"' or '\'')
        {
            var close = IndexOf(_s[i], i + 1);
            var gt = IndexOf('>', i + 1);
            if (close < 0)
            {
                close = gt < 0 ? _length : gt;
                next = close;
            }
            else
            {
                next = close + 1;
            }

            raw = _s.AsSpan(i + 1, close - i - 1);
        }
        else
        {
            var j = i;
            while (j < _length && !char.IsWhiteSpace(_s[j]) && _s[j] != '>')
            {
                j++;
            }

            raw = _s.AsSpan(i, j - i);
            next = j;
        }

        if (!raw.ContainsAny(AttributeSpecials))
        {
            return (Shared(raw), next);
        }

        var value = _value;
        value.Clear();
        if (raw.Contains('&'))
        {
            DecodeInto(value, raw, inEntityValue: false);
        }
        else
        {
            value.Append(raw);
        }

        // XML attribute-value normalisation: line breaks and tabs read as spaces.
        value.ReplaceWithSpace('\t', '\n', '\r');
        return (value.Span.ToString(), next);
    }

    private void OpenElement(XmlName qname, List<(XmlName Name, string Value)> rawAttributes, bool selfClosing)
    {
        var parent = _open.Count > 0 ? _open[^1] : null;
        Dictionary<string, string>? declared = null;
        foreach (var (attributeName, value) in rawAttributes)
        {
            var name = attributeName.Text;
            if (name == "xmlns")
            {
                (declared ??= [])[""] = KnownNamespaces.Normalise(value);
            }
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                (declared ??= [])[name[6..]] = KnownNamespaces.Normalise(value);
            }
        }

        var (prefix, local) = (qname.Prefix, qname.Local);
        var element = new XmlElementNode(qname, "", parent) { DeclaredNamespaces = declared };
        element.Namespace = Resolve(element, prefix) ?? "";
        if (rawAttributes.Count > 0)
        {
            var attributes = new XmlAttr[rawAttributes.Count];
            for (var a = 0; a < attributes.Length; a++)
            {
                var (name, value) = rawAttributes[a];
                var (attributePrefix, attributeLocal) = (name.Prefix, name.Local);
                var ns = attributePrefix.Length == 0 || attributePrefix == "xmlns" ? "" : Resolve(element, attributePrefix) ?? "";
                attributes[a] = new XmlAttr(attributePrefix, attributeLocal, ns, value);
            }

            element.Attributes = attributes;
        }

        element.Base = parent?.Base ?? _documentUrl;
        var xmlBase = element.Attributes.Length == 0 ? null : element.Attr("base", XmlElementNode.XmlNamespace);
        if (!string.IsNullOrWhiteSpace(xmlBase))
        {
            element.Base = UrlText.Resolve(element.Base, xmlBase) ?? element.Base;
        }

        if (parent is null)
        {
            _root ??= element;
            if (_root != element)
            {
                return;
            }
        }
        else
        {
            _children.Add(element);
        }

        // HTML written unescaped in a description often leaves <br> and <img> unclosed.
        var isVoid = prefix.Length == 0 && parent is not null && HtmlVoidElements.Contains(local);
        if (!selfClosing && !isVoid)
        {
            _open.Add(element);
            _childrenStart.Add(_children.Count);
        }
    }

    private static (string Prefix, string Local) Split(string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == qname.Length - 1 ? ("", qname) : (qname[..colon], qname[(colon + 1)..]);
    }

    private static string? Resolve(XmlElementNode element, string prefix)
    {
        if (prefix == "xml")
        {
            return XmlElementNode.XmlNamespace;
        }

        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.DeclaredNamespaces is { } declared && declared.TryGetValue(prefix, out var ns))
            {
                return ns;
            }
        }

        return prefix.Length == 0 ? "" : KnownNamespaces.ForUndeclaredPrefix(prefix);
    }

    /// <summary>Decodes character and entity references; anything unrecognised is kept as written.</summary>
    private void DecodeInto(CharBuffer output, ReadOnlySpan<char> text, bool inEntityValue)
    {
        var i = 0;
        while (i < text.Length)
        {
            var amp = text[i..].IndexOf('&');
            if (amp < 0)
            {
                output.Append(text[i..]);
                return;
            }

            output.Append(text.Slice(i, amp));
            i += amp;
            var semi = text[i..].IndexOf(';');
            if (semi is > 1 and <= 34)
            {
                var name = text.Slice(i + 1, semi - 1);
                if (TryEntity(name, inEntityValue, output))
                {
                    i += semi + 1;
                    continue;
                }
            }

            output.Append('&'); // a bare ampersand, or a reference we do not know: kept as text
            i++;
        }
    }

    /// <summary>Appends what the reference stands for to <paramref name="output"/>; false (nothing appended) when it is not one we know.</summary>
    private bool TryEntity(ReadOnlySpan<char> name, bool inEntityValue, CharBuffer output)
    {
        if (name[0] == '#')
        {
            return TryCharacterReference(name[1..], output);
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        switch (name)
        {
            case "amp": output.Append('&'); return true;
            case "lt": output.Append('<'); return true;
            case "gt": output.Append('>'); return true;
            case "quot": output.Append('"'); return true;
            case "apos": output.Append('\''); return true;
            default: break;
        }

        if (_entities.Count > 0 && _entities.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var declared))
        {
            if (inEntityValue)
            {
                // An entity defined through other entities is how expansion bombs are built.
                throw new FeedParseException($"the document's DTD defines entities through other entities (&{name}; inside a declaration); refused: entity expansion is not supported");
            }

            _expanded += declared.Length;
            if (_expanded > MaxEntityExpansion)
            {
                throw new FeedParseException($"the document's DTD entities expand to more than {MaxEntityExpansion:N0} characters; refused as an entity expansion attack");
            }

            output.Append(declared);
            return true;
        }

        if (HtmlEntities.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known))
        {
            output.Append(known);
            return true;
        }

        var key = name.ToString();
        var html = WebUtility.HtmlDecode("&" + key + ";");
        if (html.Length > 0 && html[0] != '&')
        {
            HtmlEntities.TryAdd(key, html);
            output.Append(html);
            return true;
        }

        return false;
    }

    private static bool TryCharacterReference(ReadOnlySpan<char> digits, CharBuffer output)
    {
        int code;
        var ok = digits.Length > 1 && digits[0] is 'x' or 'X'
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!ok)
        {
            return false;
        }

        if (code is >= 0x80 and <= 0x9F)
        {
            // As browsers do: references into the C1 range mean the windows-1252 character.
            output.Append(C1AsWindows1252[code - 0x80]);
        }
        else if (code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            output.Append('\uFFFD');
        }
        else if (code <= 0xFFFF)
        {
            output.Append((char)code);
        }
        else
        {
            output.Append(char.ConvertFromUtf32(code));
        }

        return true;
    }

    /// <summary>
    /// A growable character buffer reused for every text node and attribute value of a document:
    /// text is gathered here and becomes a string once, when it is complete.
    /// </summary>
    private sealed class CharBuffer
    {
        private char[] _chars = new char[256];

        public int Length { get; private set; }

        public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

        public void Append(char c)
        {
            if (Length == _chars.Length)
            {
                Grow(1);
            }

            _chars[Length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            if (text.Length > _chars.Length - Length)
            {
                Grow(text.Length);
            }

            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
        }

        public void ReplaceWithSpace(char a, char b, char c)
        {
            var span = _chars.AsSpan(0, Length);
            span.Replace(a, ' ');
            span.Replace(b, ' ');
            span.Replace(c, ' ');
        }

        public void Clear() => Length = 0;

        /// <summary>Empties the buffer, and gives back its memory when it grew past <paramref name="maxKept"/> characters.</summary>
        public void Reset(int maxKept)
        {
            Length = 0;
            if (_chars.Length > maxKept)
            {
                _chars = new char[256];
            }
        }

        private void Grow(int needed) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + needed));
    }
}

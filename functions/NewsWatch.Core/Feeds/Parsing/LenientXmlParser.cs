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

    private readonly string _s;
    private readonly Uri? _documentUrl;
    private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
    private readonly List<XmlElementNode> _open = [];
    private readonly Dictionary<XmlElementNode, Dictionary<string, string>> _scopes = [];
    private readonly StringBuilder _text = new();
    private int _pos;
    private int _expanded;
    private XmlElementNode? _root;
    private bool _rootClosed;

    private LenientXmlParser(string text, Uri? documentUrl)
    {
        _s = text;
        _documentUrl = documentUrl;
    }

    /// <summary>The document element, or null when the text holds no element at all.</summary>
    public static XmlElementNode? Parse(string text, Uri? documentUrl) => new LenientXmlParser(text, documentUrl).Run();

    private XmlElementNode? Run()
    {
        while (_pos < _s.Length)
        {
            var lt = _s.IndexOf('<', _pos);
            if (lt < 0)
            {
                AddText(_s.AsSpan(_pos), decode: true);
                break;
            }

            if (lt > _pos)
            {
                AddText(_s.AsSpan(_pos, lt - _pos), decode: true);
            }

            _pos = lt;
            if (Follows("<!--"))
            {
                _pos = IndexAfter("-->", _pos + 4);
            }
            else if (Follows("<![CDATA["))
            {
                var end = _s.IndexOf("]]>", _pos + 9, StringComparison.Ordinal);
                var stop = end < 0 ? _s.Length : end;
                AddText(_s.AsSpan(_pos + 9, stop - _pos - 9), decode: false, cdata: true);
                _pos = end < 0 ? _s.Length : end + 3;
            }
            else if (Follows("<!"))
            {
                ReadDeclaration();
            }
            else if (Follows("<?"))
            {
                _pos = IndexAfter("?>", _pos + 2);
            }
            else if (Follows("</"))
            {
                ReadEndTag();
            }
            else if (_pos + 1 < _s.Length && IsNameStart(_s[_pos + 1]))
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
        return _root;
    }

    private bool Follows(string token) => string.CompareOrdinal(_s, _pos, token, 0, token.Length) == 0;

    private int IndexAfter(string token, int from)
    {
        var at = _s.IndexOf(token, from, StringComparison.Ordinal);
        return at < 0 ? _s.Length : at + token.Length;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && c is not ('/' or '>' or '<' or '=' or '"' or '\'');

    private void AddText(ReadOnlySpan<char> text, bool decode, bool cdata = false)
    {
        if (_open.Count == 0)
        {
            // Text outside the document element (whitespace, junk before <?xml) means nothing.
            return;
        }

        if (cdata)
        {
            FlushText();
            _open[^1].Children.Add(new XmlTextNode(text.ToString(), isCData: true));
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
            _open[^1].Children.Add(new XmlTextNode(_text.ToString(), isCData: false));
        }

        _text.Clear();
    }

    private void ReadDeclaration()
    {
        if (string.Compare(_s, _pos, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) != 0)
        {
            _pos = IndexAfter(">", _pos + 2);
            return;
        }

        // Walk the DOCTYPE honouring quotes and the internal subset; only <!ENTITY> lines are read.
        var i = _pos + 9;
        char quote = '\0';
        while (i < _s.Length)
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
                var close = _s.IndexOf(']', i + 1);
                var subsetEnd = close < 0 ? _s.Length : close;
                ReadInternalSubset(_s.AsSpan(i + 1, subsetEnd - i - 1));
                i = subsetEnd;
            }
            else if (c == '>')
            {
                break;
            }

            i++;
        }

        _pos = Math.Min(i + 1, _s.Length);
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
                var value = new StringBuilder();
                DecodeInto(value, raw, inEntityValue: true);
                _entities.TryAdd(name, value.ToString());
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
        while (i < _s.Length && IsNameChar(_s[i]))
        {
            i++;
        }

        var name = _s[start..i];
        var gt = _s.IndexOf('>', i);
        _pos = gt < 0 ? _s.Length : gt + 1;
        FlushText();

        // Close the innermost open element of that name and everything opened inside it;
        // an end tag that closes nothing open is a stray and is dropped.
        var match = _open.FindLastIndex(e => e.QualifiedName == name);
        if (match < 0)
        {
            match = _open.FindLastIndex(e => e.QualifiedName.Equals(name, StringComparison.OrdinalIgnoreCase));
        }

        if (match < 0)
        {
            return;
        }

        _open.RemoveRange(match, _open.Count - match);
        if (_open.Count == 0)
        {
            _rootClosed = true;
        }
    }

    private void ReadStartTag()
    {
        var i = _pos + 1;
        var start = i;
        while (i < _s.Length && IsNameChar(_s[i]))
        {
            i++;
        }

        var qname = _s[start..i];
        var rawAttributes = new List<(string Name, string Value)>();
        var selfClosing = false;
        while (i < _s.Length)
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
            else if (c == '/' && i + 1 < _s.Length && _s[i + 1] == '>')
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
                while (i < _s.Length && IsNameChar(_s[i]))
                {
                    i++;
                }

                var attributeName = _s[nameStart..i];
                var j = i;
                while (j < _s.Length && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                var value = "";
                if (j < _s.Length && _s[j] == '=')
                {
                    j++;
                    while (j < _s.Length && char.IsWhiteSpace(_s[j]))
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
        if (i >= _s.Length)
        {
            return ("", i);
        }

        string raw;
        int next;
        if (_s[i] is '"' or '\'')
        {
            var close = _s.IndexOf(_s[i], i + 1);
            var gt = _s.IndexOf('>', i + 1);
            if (close < 0)
            {
                close = gt < 0 ? _s.Length : gt;
                next = close;
            }
            else
            {
                next = close + 1;
            }

            raw = _s[(i + 1)..close];
        }
        else
        {
            var j = i;
            while (j < _s.Length && !char.IsWhiteSpace(_s[j]) && _s[j] != '>')
            {
                j++;
            }

            raw = _s[i..j];
            next = j;
        }

        var value = new StringBuilder(raw.Length);
        if (raw.Contains('&', StringComparison.Ordinal))
        {
            DecodeInto(value, raw, inEntityValue: false);
        }
        else
        {
            value.Append(raw);
        }

        // XML attribute-value normalisation: line breaks and tabs read as spaces.
        value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return (value.ToString(), next);
    }

    private void OpenElement(string qname, List<(string Name, string Value)> rawAttributes, bool selfClosing)
    {
        var parent = _open.Count > 0 ? _open[^1] : null;
        Dictionary<string, string>? declared = null;
        foreach (var (name, value) in rawAttributes)
        {
            if (name == "xmlns")
            {
                (declared ??= [])[""] = KnownNamespaces.Normalise(value);
            }
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                (declared ??= [])[name[6..]] = KnownNamespaces.Normalise(value);
            }
        }

        var (prefix, local) = Split(qname);
        var element = new XmlElementNode(prefix, local, "", parent);
        if (declared is not null)
        {
            _scopes[element] = declared;
        }

        element.Namespace = Resolve(element, prefix) ?? "";
        foreach (var (name, value) in rawAttributes)
        {
            var (attributePrefix, attributeLocal) = Split(name);
            var ns = attributePrefix.Length == 0 || attributePrefix == "xmlns" ? "" : Resolve(element, attributePrefix) ?? "";
            element.Attributes.Add(new XmlAttr(attributePrefix, attributeLocal, ns, value));
        }

        element.Base = parent?.Base ?? _documentUrl;
        var xmlBase = element.Attr("base", XmlElementNode.XmlNamespace);
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
            parent.Children.Add(element);
        }

        // HTML written unescaped in a description often leaves <br> and <img> unclosed.
        var isVoid = prefix.Length == 0 && parent is not null && HtmlVoidElements.Contains(local);
        if (!selfClosing && !isVoid)
        {
            _open.Add(element);
        }
    }

    private static (string Prefix, string Local) Split(string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == qname.Length - 1 ? ("", qname) : (qname[..colon], qname[(colon + 1)..]);
    }

    private string? Resolve(XmlElementNode element, string prefix)
    {
        if (prefix == "xml")
        {
            return XmlElementNode.XmlNamespace;
        }

        for (var e = element; e is not null; e = e.Parent)
        {
            if (_scopes.TryGetValue(e, out var declared) && declared.TryGetValue(prefix, out var ns))
            {
                return ns;
            }
        }

        return prefix.Length == 0 ? "" : KnownNamespaces.ForUndeclaredPrefix(prefix);
    }

    /// <summary>Decodes character and entity references; anything unrecognised is kept as written.</summary>
    private void DecodeInto(StringBuilder output, ReadOnlySpan<char> text, bool inEntityValue)
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
                if (TryEntity(name, inEntityValue, out var replacement))
                {
                    output.Append(replacement);
                    i += semi + 1;
                    continue;
                }
            }

            output.Append('&'); // a bare ampersand, or a reference we do not know: kept as text
            i++;
        }
    }

    private bool TryEntity(ReadOnlySpan<char> name, bool inEntityValue, out string replacement)
    {
        replacement = "";
        if (name[0] == '#')
        {
            return TryCharacterReference(name[1..], out replacement);
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
            case "amp": replacement = "&"; return true;
            case "lt": replacement = "<"; return true;
            case "gt": replacement = ">"; return true;
            case "quot": replacement = "\""; return true;
            case "apos": replacement = "'"; return true;
            default: break;
        }

        var key = name.ToString();
        if (_entities.TryGetValue(key, out var declared))
        {
            if (inEntityValue)
            {
                // An entity defined through other entities is how expansion bombs are built.
                throw new FeedParseException($"the document's DTD defines entities through other entities (&{key}; inside a declaration); refused: entity expansion is not supported");
            }

            _expanded += declared.Length;
            if (_expanded > MaxEntityExpansion)
            {
                throw new FeedParseException($"the document's DTD entities expand to more than {MaxEntityExpansion:N0} characters; refused as an entity expansion attack");
            }

            replacement = declared;
            return true;
        }

        var html = WebUtility.HtmlDecode("&" + key + ";");
        if (html.Length > 0 && html[0] != '&')
        {
            replacement = html;
            return true;
        }

        return false;
    }

    private static bool TryCharacterReference(ReadOnlySpan<char> digits, out string replacement)
    {
        replacement = "";
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
            replacement = Windows1252.GetString([(byte)code]);
            return true;
        }

        replacement = code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code);
        return true;
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
}

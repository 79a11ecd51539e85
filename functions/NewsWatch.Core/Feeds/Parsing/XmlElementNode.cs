using System.Text;

namespace NewsWatch.Feeds.Parsing;

/// <summary>
/// An element of the lenient tree, with its namespace resolved and its xml:base applied.
/// Its children are elements and strings (character data, entities decoded): a text run is
/// not wrapped in an object of its own, as feeds have about as many text runs as elements.
/// </summary>
internal sealed class XmlElementNode(XmlName name, string ns, XmlElementNode? parent)
{
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public string Prefix => name.Prefix;

    public string LocalName => name.Local;

    public string Namespace { get; set; } = ns;

    public XmlElementNode? Parent { get; } = parent;

    /// <summary>The attributes in document order; most elements have none, and share the empty array.</summary>
    public XmlAttr[] Attributes { get; set; } = [];

    /// <summary>The child elements and strings in document order; set once, when the element closes (an array of the exact size).</summary>
    public object[] Children { get; set; } = [];

    /// <summary>The base URI in scope (document URL, refined by every xml:base on the way down).</summary>
    public Uri? Base { get; set; }

    /// <summary>The name as written (prefix:local); kept rather than rebuilt, as end tags are matched against it.</summary>
    public string QualifiedName => name.Text;

    /// <summary>The xmlns / xmlns:prefix declarations made on this element (null when none, as for most).</summary>
    public Dictionary<string, string>? DeclaredNamespaces { get; set; }

    public string? Attr(string localName, string ns = "")
    {
        foreach (ref readonly var attribute in Attributes.AsSpan())
        {
            if (attribute.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && (attribute.Namespace == ns || (ns.Length == 0 && attribute.Prefix.Length == 0)))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The child elements; a struct, so that foreach over it allocates nothing (the feed reader asks for them hundreds of times per feed).</summary>
    public ElementList Elements() => new(Children);

    /// <summary>Every descendant element in document order (the item lists of some RSS 1.0 feeds are nested).</summary>
    public IEnumerable<XmlElementNode> Descendants()
    {
        foreach (var child in Elements())
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>All text below this element, tags dropped.</summary>
    public string InnerText()
    {
        if (Children.Length == 1 && Children[0] is string only)
        {
            return only;
        }

        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    /// <summary>
    /// <c>InnerText().Trim()</c>, without the copies when the text is one node between whitespace
    /// (CDATA on a line of its own, indented text): then only that node is trimmed.
    /// </summary>
    public string TrimmedInnerText()
    {
        string? only = null;
        foreach (var child in Children)
        {
            if (child is not string text)
            {
                return InnerText().Trim();
            }

            if (text.AsSpan().IsWhiteSpace())
            {
                continue;
            }

            if (only is not null)
            {
                return InnerText().Trim();
            }

            only = text;
        }

        return only is null ? "" : only.Trim();
    }

    /// <summary>The content re-serialised as markup: for HTML written unescaped inside a feed element.</summary>
    public string InnerMarkup()
    {
        var markup = new StringBuilder();
        foreach (var child in Children)
        {
            AppendMarkup(markup, child);
        }

        return markup.ToString();
    }

    public bool HasElementChildren
    {
        get
        {
            foreach (var child in Children)
            {
                if (child is XmlElementNode)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
        {
            if (child is string run)
            {
                text.Append(run);
            }
            else if (child is XmlElementNode element)
            {
                element.AppendText(text);
            }
        }
    }

    private static void AppendMarkup(StringBuilder markup, object node)
    {
        if (node is string text)
        {
            EscapeInto(markup, text, attribute: false);
            return;
        }

        var element = (XmlElementNode)node;
        markup.Append('<').Append(element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Prefix == "xmlns" || (attribute.Prefix.Length == 0 && attribute.LocalName == "xmlns"))
            {
                continue;
            }

            markup.Append(' ').Append(attribute.Prefix.Length == 0 ? attribute.LocalName : attribute.Prefix + ":" + attribute.LocalName).Append("=\"");
            EscapeInto(markup, attribute.Value, attribute: true);
            markup.Append('"');
        }

        if (element.Children.Length == 0)
        {
            markup.Append(" />");
            return;
        }

        markup.Append('>');
        foreach (var child in element.Children)
        {
            AppendMarkup(markup, child);
        }

        markup.Append("</").Append(element.LocalName).Append('>');
    }

    private static void EscapeInto(StringBuilder markup, string value, bool attribute)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => markup.Append("&amp;"),
                '<' => markup.Append("&lt;"),
                '>' => markup.Append("&gt;"),
                '"' when attribute => markup.Append("&quot;"),
                _ => markup.Append(c),
            };
        }
    }
}

/// <summary>The element children of a node, enumerable without allocating (and through LINQ, boxed, where that reads better).</summary>
internal readonly struct ElementList(object[] children) : IEnumerable<XmlElementNode>
{
    public Enumerator GetEnumerator() => new(children);

    IEnumerator<XmlElementNode> IEnumerable<XmlElementNode>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(object[] children) : IEnumerator<XmlElementNode>
    {
        private int _index = -1;

        public XmlElementNode Current { get; private set; } = null!;

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_index < children.Length)
            {
                if (children[_index] is XmlElementNode element)
                {
                    Current = element;
                    return true;
                }
            }

            return false;
        }

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

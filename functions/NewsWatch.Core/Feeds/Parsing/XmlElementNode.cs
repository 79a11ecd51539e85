using System.Text;

namespace NewsWatch.Feeds.Parsing;

/// <summary>An element of the lenient tree, with its namespace resolved and its xml:base applied.</summary>
internal sealed class XmlElementNode(string prefix, string localName, string ns, XmlElementNode? parent) : XmlNodeBase
{
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public string Prefix { get; } = prefix;

    public string LocalName { get; } = localName;

    public string Namespace { get; set; } = ns;

    public XmlElementNode? Parent { get; } = parent;

    public List<XmlAttr> Attributes { get; } = [];

    public List<XmlNodeBase> Children { get; } = [];

    /// <summary>The base URI in scope (document URL, refined by every xml:base on the way down).</summary>
    public Uri? Base { get; set; }

    public string QualifiedName => Prefix.Length == 0 ? LocalName : Prefix + ":" + LocalName;

    public string? Attr(string localName, string ns = "")
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && (attribute.Namespace == ns || (ns.Length == 0 && attribute.Prefix.Length == 0)))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public IEnumerable<XmlElementNode> Elements()
    {
        foreach (var child in Children)
        {
            if (child is XmlElementNode element)
            {
                yield return element;
            }
        }
    }

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
        if (Children.Count == 1 && Children[0] is XmlTextNode only)
        {
            return only.Text;
        }

        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
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

    public bool HasElementChildren => Children.Exists(c => c is XmlElementNode);

    private void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
        {
            if (child is XmlTextNode node)
            {
                text.Append(node.Text);
            }
            else if (child is XmlElementNode element)
            {
                element.AppendText(text);
            }
        }
    }

    private static void AppendMarkup(StringBuilder markup, XmlNodeBase node)
    {
        if (node is XmlTextNode text)
        {
            EscapeInto(markup, text.Text, attribute: false);
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

        if (element.Children.Count == 0)
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

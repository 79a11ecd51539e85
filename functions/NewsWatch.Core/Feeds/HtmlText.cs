using System.Net;
using System.Text.RegularExpressions;

namespace NewsWatch.Feeds;

/// <summary>Feed text is often HTML; the classifier and the plain-text email want words.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        if (html.IndexOfAny(['<', '&']) < 0)
        {
            return Whitespace().Replace(html, " ").Trim();
        }

        var withoutScripts = ScriptOrStyle().Replace(html, " ");
        var withoutTags = Tag().Replace(withoutScripts, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

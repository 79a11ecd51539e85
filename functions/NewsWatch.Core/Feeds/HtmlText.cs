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

    /// <summary>Plain text made safe to embed as HTML (Atom type="text", JSON content_text).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Resolves relative href/src values in an HTML fragment against the base in scope where it was
    /// found (xml:base or the feed URL): once the fragment leaves its feed, its base is gone.
    /// </summary>
    public static string ResolveUrls(string html, Uri? baseUrl)
    {
        if (baseUrl is null || html.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return html;
        }

        return UrlAttribute().Replace(html, match =>
        {
            var value = WebUtility.HtmlDecode(match.Groups["value"].Value).Trim();
            if (value.Length == 0 || value.StartsWith('#') || Uri.TryCreate(value, UriKind.Absolute, out var absolute) && !absolute.IsFile)
            {
                return match.Value;
            }

            return Uri.TryCreate(baseUrl, value, out var resolved)
                ? match.Groups["head"].Value + WebUtility.HtmlEncode(resolved.AbsoluteUri) + match.Groups["quote"].Value
                : match.Value;
        });
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<head>\b(?:href|src|cite|background|action|longdesc|poster)\s*=\s*(?<quote>[""']))(?<value>[^""']*)\k<quote>", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}

using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsWatch.Feeds;

/// <summary>Feed text is often HTML; the classifier and the plain-text email want words.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return CollapseWhitespace(html);
        }

        // What this computes, spelt out once: script/style blocks and then tags become spaces,
        // entities are decoded, whitespace runs become one space, the ends are trimmed. It is done
        // in fewer copies than that: a feed's summaries are most of what it allocates.
        var withoutScripts = ScriptOrStyle().Replace(html, " ");
        return ReplaceTagsAndCollapse(withoutScripts);
    }

    /// <summary>
    /// Each tag (from '&lt;' to the next '&gt;') replaced by a space, as the regex <c>&lt;[^&gt;]*&gt;</c> would;
    /// a '&lt;' with no '&gt;' after it is text. When no '&amp;' survived (nothing to decode), whitespace is
    /// collapsed in the same buffer, so the text is copied once; otherwise it is decoded, then collapsed.
    /// </summary>
    private static string ReplaceTagsAndCollapse(string html)
    {
        var source = html.AsSpan();
        var rented = ArrayPool<char>.Shared.Rent(source.Length);
        try
        {
            var length = 0;
            var i = 0;
            while (i < source.Length)
            {
                var lt = source[i..].IndexOf('<');
                var gt = lt < 0 ? -1 : source[(i + lt)..].IndexOf('>');
                if (gt < 0)
                {
                    // No further tag can close: the rest is text.
                    source[i..].CopyTo(rented.AsSpan(length));
                    length += source.Length - i;
                    break;
                }

                source.Slice(i, lt).CopyTo(rented.AsSpan(length));
                length += lt;
                rented[length++] = ' ';
                i += lt + gt + 1;
            }

            var result = rented.AsSpan(0, length);
            if (result.Contains('&'))
            {
                return CollapseWhitespace(WebUtility.HtmlDecode(result.ToString()));
            }

            return new string(result[..CollapseInPlace(result)]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Whitespace runs as one space and the ends trimmed (the regex <c>\s+</c> → " ", then Trim());
    /// the text itself when it is already so, which most titles are.
    /// </summary>
    private static string CollapseWhitespace(string text)
    {
        var span = text.AsSpan();
        var normal = span.Length == 0 || (!char.IsWhiteSpace(span[0]) && !char.IsWhiteSpace(span[^1]));
        for (var i = 1; normal && i < span.Length; i++)
        {
            normal = !char.IsWhiteSpace(span[i]) || (span[i] == ' ' && !char.IsWhiteSpace(span[i - 1]));
        }

        if (normal)
        {
            return text;
        }

        var rented = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            span.CopyTo(rented);
            return new string(rented, 0, CollapseInPlace(rented.AsSpan(0, span.Length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>What <see cref="CollapseWhitespace"/> does, in place; returns the new length. (A word's letters only move left.)</summary>
    internal static int CollapseInPlace(Span<char> span)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                span[length++] = ' ';
                pendingSpace = false;
            }

            span[length++] = c;
        }

        return length;
    }

    /// <summary>Plain text made safe to embed as HTML (Atom type="text", JSON content_text).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Resolves relative href/src values in an HTML fragment against the base in scope where it was
    /// found (xml:base or the feed URL): once the fragment leaves its feed, its base is gone.
    /// The fragment is only copied when a value actually changes; most feeds' links are absolute.
    /// </summary>
    public static string ResolveUrls(string html, Uri? baseUrl)
    {
        if (baseUrl is null || html.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return html;
        }

        StringBuilder? resolved = null;
        var copied = 0;
        foreach (var match in UrlAttribute().EnumerateMatches(html))
        {
            // The match is head (name = quote), value, closing quote; names, '=' and spaces hold no quote.
            var text = html.AsSpan(match.Index, match.Length);
            var open = text.IndexOfAny('"', '\'');
            if (ResolveUrl(text[(open + 1)..^1], baseUrl) is not { } absolute)
            {
                continue;
            }

            resolved ??= new StringBuilder(html.Length + 64);
            resolved.Append(html, copied, match.Index - copied).Append(text[..(open + 1)]).Append(absolute).Append(text[^1]);
            copied = match.Index + match.Length;
        }

        return resolved is null ? html : resolved.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>The value's resolved address, HTML-escaped; null when it stays as written (absolute, a fragment, unresolvable).</summary>
    private static string? ResolveUrl(ReadOnlySpan<char> raw, Uri baseUrl)
    {
        if (Parsing.UrlText.IsPlainAbsoluteHttp(raw))
        {
            return null; // absolute already (and no '&', space or quote to decode or trim): stays as written
        }

        var value = (raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString()).Trim();
        if (value.Length == 0 || value.StartsWith('#') || Uri.TryCreate(value, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, value, out var resolved) ? WebUtility.HtmlEncode(resolved.AbsoluteUri) : null;
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Only the attribute names are case-insensitive: a case-insensitive backreference (to the quote)
    // would make the source generator fall back to the interpreter.
    [GeneratedRegex(@"(?<head>\b(?i:href|src|cite|background|action|longdesc|poster)\s*=\s*(?<quote>[""']))(?<value>[^""']*)\k<quote>")]
    private static partial Regex UrlAttribute();
}

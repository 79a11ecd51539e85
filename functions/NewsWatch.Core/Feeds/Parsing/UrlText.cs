namespace NewsWatch.Feeds.Parsing;

/// <summary>Relative references resolved the way a browser would, with the whitespace feeds leave around them.</summary>
internal static class UrlText
{
    public static Uri? Resolve(Uri? baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (CanBeAbsolute(trimmed) && Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !(absolute.IsFile && !trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, trimmed, out var resolved) ? resolved : null;
    }

    /// <summary>
    /// False when the text cannot be an absolute address that <see cref="Resolve"/> would keep, so that no
    /// <see cref="Uri"/> is built only to be thrown away: without a ':' there is no scheme, and a single
    /// leading '/' makes at most an implicit file path (refused above unless written "file:").
    /// </summary>
    internal static bool CanBeAbsolute(string text)
    {
        if (text.Length == 0 || text[0] == '\\' || (text[0] == '/' && text.Length > 1 && text[1] is '/' or '\\'))
        {
            return true; // UNC paths and the like: left to Uri
        }

        return text[0] != '/' && text.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the text is plainly an absolute http(s) address that <see cref="Uri"/> accepts as it is:
    /// a scheme, a DNS name of letters, digits, hyphens and dots (no port, no IDN), then printable ASCII other than '&amp;' (nothing to decode).
    /// Callers that only need to know that an address is absolute skip building a <see cref="Uri"/> for it.
    /// </summary>
    internal static bool IsPlainAbsoluteHttp(ReadOnlySpan<char> text)
    {
        int start;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            start = 7;
        }
        else if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            start = 8;
        }
        else
        {
            return false;
        }

        if (text.Length > 2048)
        {
            return false;
        }

        var end = start;
        while (end < text.Length && text[end] is not ('/' or '?' or '#'))
        {
            end++;
        }

        var host = text[start..end];
        if (host.Length is 0 or > 253 || host.Contains("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var labelStart = 0;
        var lastLabelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(host[i]) && host[i] != '-')
                {
                    return false;
                }

                continue;
            }

            // A label: 1–63 characters, starting and ending with a letter or digit.
            var length = i - labelStart;
            if (length is 0 or > 63 || !char.IsAsciiLetterOrDigit(host[labelStart]) || !char.IsAsciiLetterOrDigit(host[i - 1]))
            {
                return false;
            }

            lastLabelStart = labelStart;
            labelStart = i + 1;
        }

        if (!char.IsAsciiLetter(host[lastLabelStart]))
        {
            return false; // numeric hosts are IP addresses, whose rules are Uri's to apply
        }

        foreach (var c in text[end..])
        {
            if (c is < '!' or > '~' or '\\' or '&')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only web links leave the parser: javascript:, data: and file: links are not followed by anyone.</summary>
    public static Uri? ResolveWeb(Uri? baseUrl, string? href) =>
        Resolve(baseUrl, href) is { } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
}

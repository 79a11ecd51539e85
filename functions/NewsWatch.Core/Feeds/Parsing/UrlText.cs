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
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !(absolute.IsFile && !trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, trimmed, out var resolved) ? resolved : null;
    }

    /// <summary>Only web links leave the parser: javascript:, data: and file: links are not followed by anyone.</summary>
    public static Uri? ResolveWeb(Uri? baseUrl, string? href) =>
        Resolve(baseUrl, href) is { } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
}

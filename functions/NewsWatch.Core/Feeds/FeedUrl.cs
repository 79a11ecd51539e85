namespace NewsWatch.Feeds;

/// <summary>Validation of what a person types as a feed address.</summary>
public static class FeedUrl
{
    public static bool TryParse(string? text, out Uri url, out string error)
    {
        url = null!;
        var trimmed = text?.Trim() ?? "";

        // On Unix "/feed.xml" parses as an absolute file: URI; a person typing it meant a relative path.
        if (!trimmed.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed))
        {
            error = $"'{text}' is not an absolute URL (expected http:// or https://)";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            error = $"'{text}' uses {parsed.Scheme}:, but feeds are fetched over http or https";
            return false;
        }

        if (string.IsNullOrEmpty(parsed.Host))
        {
            error = $"'{text}' has no host";
            return false;
        }

        url = parsed;
        error = "";
        return true;
    }
}

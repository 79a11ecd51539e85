using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>
/// Which article an item is. The same story reached through two feeds, or with tracking
/// parameters, is one article: the id is a hash of the canonical link.
/// </summary>
public static class ArticleIdentity
{
    public static string IdOf(FeedItem item, Uri feedUrl)
    {
        if (item.Link is not null)
        {
            return EntityKeys.Hash(Canonicalize(item.Link));
        }

        // No link: fall back to the feed's own id, or to the title, scoped to the feed.
        return EntityKeys.Hash(feedUrl.AbsoluteUri + "\n" + (item.Id ?? item.Title));
    }

    public static string Canonicalize(Uri url)
    {
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant(),
            Fragment = "",
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var query = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTrackingParameter(p))
            .Order(StringComparer.Ordinal);
        builder.Query = string.Join('&', query);
        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTrackingParameter(string pair)
    {
        var name = pair.Split('=', 2)[0];
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || name.Equals("fbclid", StringComparison.OrdinalIgnoreCase)
            || name.Equals("gclid", StringComparison.OrdinalIgnoreCase);
    }
}

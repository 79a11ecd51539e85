using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>
/// Which article an item is. An item has one or more identity keys: its GUID when it has one
/// (a permalink GUID by its canonical URL, any other GUID scoped to its feed), its canonical
/// link, and only when it has neither, a hash of its content. An item is already seen when any
/// of its keys is: so an edited headline (same GUID), the same story in two feeds (same link)
/// and a link with tracking parameters are each one article.
/// </summary>
public static class ArticleIdentity
{
    /// <summary>The item's keys, most stable first; the first is its article id.</summary>
    public static IReadOnlyList<string> KeysOf(FeedItem item, Uri feedUrl)
    {
        var keys = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(item.Id))
        {
            var id = item.Id.Trim();
            keys.Add(Uri.TryCreate(id, UriKind.Absolute, out var permalink) && IsWeb(permalink)
                ? EntityKeys.Hash(Canonicalize(permalink))
                : EntityKeys.Hash(feedUrl.AbsoluteUri + "\n" + id));
        }

        if (item.Link is not null)
        {
            var link = EntityKeys.Hash(Canonicalize(item.Link));
            if (!keys.Contains(link))
            {
                keys.Add(link);
            }
        }

        if (keys.Count == 0)
        {
            keys.Add(EntityKeys.Hash(feedUrl.AbsoluteUri + "\n" + item.Title + "\n" + item.Summary));
        }

        return keys;
    }

    public static string IdOf(FeedItem item, Uri feedUrl) => KeysOf(item, feedUrl)[0];

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

    private static bool IsWeb(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    private static bool IsTrackingParameter(string pair)
    {
        var name = pair.Split('=', 2)[0];
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || name.Equals("fbclid", StringComparison.OrdinalIgnoreCase)
            || name.Equals("gclid", StringComparison.OrdinalIgnoreCase);
    }
}

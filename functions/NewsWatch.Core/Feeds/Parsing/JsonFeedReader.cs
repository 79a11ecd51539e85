using System.Text.Json;

namespace NewsWatch.Feeds.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org), read tolerantly: a field of the wrong type is treated as absent.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static ParsedFeed Read(string text, Uri baseUrl) => Read(text.AsMemory(), baseUrl);

    /// <summary>Reads the feed from the text as it is; the text is not kept (it may be a rented buffer).</summary>
    public static ParsedFeed Read(ReadOnlyMemory<char> text, Uri baseUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedParseException($"not a well-formed JSON feed: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedParseException("not a JSON feed: the document is not a JSON object");
            }

            var version = String(root, "version") ?? "";
            if (!version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) && !root.TryGetProperty("items", out _))
            {
                throw new FeedParseException("not a JSON feed: no \"version\" naming jsonfeed.org and no \"items\"");
            }

            var feedBase = Url(baseUrl, String(root, "feed_url")) ?? baseUrl;
            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(ReadItem(item, feedBase));
                    }
                }
            }

            return new ParsedFeed(Plain(String(root, "title")), items)
            {
                Format = version.EndsWith("1.1", StringComparison.Ordinal) ? "json 1.1" : "json 1.0",
                Description = Plain(String(root, "description")),
                Link = Url(feedBase, String(root, "home_page_url")),
                Language = String(root, "language"),
                Authors = People(root),
                Image = Image(feedBase, String(root, "icon") ?? String(root, "favicon")),
            };
        }
    }

    private static FeedItem ReadItem(JsonElement item, Uri baseUrl)
    {
        var link = Url(baseUrl, String(item, "url"));
        var links = new List<FeedLink>();
        if (link is not null)
        {
            links.Add(new FeedLink(link, "alternate", "text/html", null));
        }

        if (Url(baseUrl, String(item, "external_url")) is { } external)
        {
            links.Add(new FeedLink(external, "related", null, null));
        }

        var content = String(item, "content_html") is { } html ? HtmlText.ResolveUrls(html, baseUrl) : String(item, "content_text") is { } text ? HtmlText.Escape(text) : null;
        var summary = String(item, "summary");
        var enclosures = new List<FeedEnclosure>();
        if (item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && Url(baseUrl, String(attachment, "url")) is { } url)
                {
                    long? size = attachment.TryGetProperty("size_in_bytes", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var bytes) ? bytes : null;
                    enclosures.Add(new FeedEnclosure(url, String(attachment, "mime_type"), size));
                }
            }
        }

        var categories = new List<string>();
        if (item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            categories.AddRange(tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).Distinct());
        }

        var updated = FeedDates.Parse(String(item, "date_modified"));
        var description = summary is null ? null : HtmlText.Escape(summary);
        return new FeedItem(String(item, "id"), Plain(String(item, "title")) ?? "", link, Plain(description ?? content) ?? "", FeedDates.Parse(String(item, "date_published")) ?? updated)
        {
            Description = description,
            Content = content,
            Links = links,
            Updated = updated,
            Authors = People(item),
            Categories = categories,
            Enclosures = enclosures,
            Image = Image(baseUrl, String(item, "image") ?? String(item, "banner_image")),
        };
    }

    /// <summary>1.1's "authors" array, else 1.0's single "author".</summary>
    private static List<FeedPerson> People(JsonElement parent)
    {
        var people = new List<FeedPerson>();
        if (parent.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            people.AddRange(authors.EnumerateArray().Select(Person).OfType<FeedPerson>());
        }
        else if (parent.TryGetProperty("author", out var author) && Person(author) is { } one)
        {
            people.Add(one);
        }

        return people;
    }

    private static FeedPerson? Person(JsonElement author)
    {
        if (author.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = String(author, "name");
        var url = String(author, "url");
        string? email = url is not null && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url[7..] : null;
        return name is null && email is null ? null : new FeedPerson(name, email);
    }

    /// <summary>A string property; numbers are accepted as text because some feeds write numeric ids.</summary>
    private static string? String(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? Plain(string? text) => text is null ? null : HtmlText.ToPlainText(text) is { Length: > 0 } plain ? plain : null;

    private static Uri? Url(Uri baseUrl, string? href) => UrlText.ResolveWeb(baseUrl, href);

    private static FeedImage? Image(Uri baseUrl, string? href) => Url(baseUrl, href) is { } url ? new FeedImage(url) : null;
}

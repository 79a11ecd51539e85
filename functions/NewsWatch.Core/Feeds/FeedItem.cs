namespace NewsWatch.Feeds;

/// <summary>One entry of a feed. The positional members are what the pipeline reads; the rest is the full model.</summary>
/// <param name="Id">The feed's own id for the item (guid / atom:id / JSON id), when it has one.</param>
/// <param name="Title">Plain text: markup stripped, entities decoded.</param>
/// <param name="Link">The item's page (http/https only), resolved against xml:base and the feed URL.</param>
/// <param name="Summary">Plain text of the description, else of the content.</param>
/// <param name="Published">UTC; falls back to the updated date when the feed gives only that.</param>
public sealed record FeedItem(string? Id, string Title, Uri? Link, string Summary, DateTimeOffset? Published)
{
    /// <summary>The description or summary as the feed wrote it (HTML, relative URLs resolved).</summary>
    public string? Description { get; init; }

    /// <summary>The full content (content:encoded, atom:content, content_html) as HTML, relative URLs resolved.</summary>
    public string? Content { get; init; }

    public IReadOnlyList<FeedLink> Links { get; init; } = [];

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];

    public FeedImage? Image { get; init; }
}

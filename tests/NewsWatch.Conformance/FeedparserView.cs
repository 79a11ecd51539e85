using System.Globalization;
using NewsWatch.Feeds;

namespace NewsWatch.Conformance;

/// <summary>Our model seen through feedparser's names (feed[...], entries[i][...]), for its Expect: lines.</summary>
internal static class FeedparserView
{
    private static readonly string[] DetailKeys = ["value"];

    public static ModelDict Feed(ParsedFeed feed)
    {
        var view = new ModelDict("feed", [
            "title", "title_detail", "link", "subtitle", "subtitle_detail", "tagline", "tagline_detail", "description",
            "language", "rights", "rights_detail", "copyright", "copyright_detail", "generator",
            "published_parsed", "updated_parsed", "modified_parsed", "issued_parsed", "author", "author_detail", "authors",
            "image", "tags", "category"]);
        view.Set("title", feed.Title);
        view.Set("title_detail", Detail(feed.Title));
        view.Set("link", feed.Link?.ToString());
        foreach (var key in (string[])["subtitle", "tagline", "description"])
        {
            view.Set(key, feed.Description);
            view.Set(key + "_detail", Detail(feed.Description));
        }

        view.Set("language", feed.Language);
        foreach (var key in (string[])["rights", "copyright"])
        {
            view.Set(key, feed.Copyright);
            view.Set(key + "_detail", Detail(feed.Copyright));
        }

        view.Set("generator", feed.Generator);
        view.Set("published_parsed", TimeTuple(feed.Published));
        view.Set("issued_parsed", TimeTuple(feed.Published));
        view.Set("updated_parsed", TimeTuple(feed.Updated));
        view.Set("modified_parsed", TimeTuple(feed.Updated));
        People(view, feed.Authors);
        if (feed.Image is not null)
        {
            var image = new ModelDict("feed.image", ["href", "url"]);
            image.Set("href", feed.Image.Url.ToString());
            image.Set("url", feed.Image.Url.ToString());
            view.Set("image", image);
        }

        Tags(view, feed.Categories);
        return view;
    }

    public static List<object?> Entries(ParsedFeed feed) => [.. feed.Items.Select(Entry)];

    private static ModelDict Entry(FeedItem item)
    {
        var view = new ModelDict("entry", [
            "title", "title_detail", "link", "links", "id", "guid", "summary", "summary_detail", "description",
            "content", "published_parsed", "issued_parsed", "updated_parsed", "modified_parsed",
            "author", "author_detail", "authors", "tags", "category", "enclosures"]);
        view.Set("title", item.Title.Length == 0 ? null : item.Title);
        view.Set("title_detail", Detail(item.Title.Length == 0 ? null : item.Title));
        view.Set("link", item.Link?.ToString());
        view.Set("id", item.Id);
        view.Set("guid", item.Id);
        var summary = item.Description ?? item.Content;
        view.Set("summary", summary);
        view.Set("description", summary);
        view.Set("summary_detail", Detail(summary));
        if (item.Content is not null)
        {
            view.Set("content", new List<object?> { Detail(item.Content) });
        }

        view.Set("published_parsed", TimeTuple(item.Published));
        view.Set("issued_parsed", TimeTuple(item.Published));
        view.Set("updated_parsed", TimeTuple(item.Updated));
        view.Set("modified_parsed", TimeTuple(item.Updated));
        view.Set("links", item.Links.Select(l =>
        {
            var link = new ModelDict("link", ["href", "rel", "type", "title"]);
            link.Set("href", l.Href.ToString());
            link.Set("rel", l.Rel);
            link.Set("type", l.Type);
            link.Set("title", l.Title);
            return (object?)link;
        }).ToList());
        view.Set("enclosures", item.Enclosures.Select(e =>
        {
            var enclosure = new ModelDict("enclosure", ["href", "url", "type", "length"]);
            enclosure.Set("href", e.Url.ToString());
            enclosure.Set("url", e.Url.ToString());
            enclosure.Set("type", e.Type);
            enclosure.Set("length", e.Length?.ToString(CultureInfo.InvariantCulture));
            return (object?)enclosure;
        }).ToList());
        People(view, item.Authors);
        Tags(view, item.Categories);
        return view;
    }

    private static ModelDict? Detail(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var detail = new ModelDict("detail", DetailKeys);
        detail.Set("value", value);
        return detail;
    }

    private static void People(ModelDict view, IReadOnlyList<FeedPerson> people)
    {
        var list = people.Select(p =>
        {
            var person = new ModelDict("author_detail", ["name", "email"]);
            person.Set("name", p.Name);
            person.Set("email", p.Email);
            return person;
        }).ToList();
        view.Set("authors", list.Cast<object?>().ToList());
        if (people.Count > 0)
        {
            var first = people[0];
            // feedparser's "author" is "Name (email)" when both are known.
            view.Set("author", first.Name is not null && first.Email is not null ? $"{first.Name} ({first.Email})" : first.Name ?? first.Email);
            view.Set("author_detail", list[0]);
        }
    }

    private static void Tags(ModelDict view, IReadOnlyList<string> categories)
    {
        view.Set("tags", categories.Select(c =>
        {
            var tag = new ModelDict("tag", ["term"]);
            tag.Set("term", c);
            return (object?)tag;
        }).ToList());
        if (categories.Count > 0)
        {
            view.Set("category", categories[0]);
        }
    }

    /// <summary>time.struct_time as a tuple: year, month, day, hour, minute, second, weekday (Monday 0), day of year, 0.</summary>
    private static List<object?>? TimeTuple(DateTimeOffset? date)
    {
        if (date is not { } d)
        {
            return null;
        }

        var u = d.UtcDateTime;
        return [(long)u.Year, (long)u.Month, (long)u.Day, (long)u.Hour, (long)u.Minute, (long)u.Second, (long)(((int)u.DayOfWeek + 6) % 7), (long)u.DayOfYear, 0L];
    }
}

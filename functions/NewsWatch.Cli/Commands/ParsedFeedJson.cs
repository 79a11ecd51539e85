using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsWatch.Feeds;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// The JSON shape of a parsed feed, written field by field so that absent values are omitted and
/// the names stay exactly the ones later tooling reads (issue 3): dates are ISO 8601 UTC.
/// </summary>
internal static class ParsedFeedJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Write(string source, ParsedFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            String(w, "format", feed.Format);
            String(w, "title", feed.Title);
            String(w, "description", feed.Description);
            String(w, "link", feed.Link?.ToString());
            String(w, "language", feed.Language);
            String(w, "copyright", feed.Copyright);
            String(w, "generator", feed.Generator);
            Date(w, "published", feed.Published);
            Date(w, "updated", feed.Updated);
            People(w, feed.Authors);
            Image(w, feed.Image);
            Strings(w, "categories", feed.Categories);
            w.WriteStartArray("items");
            foreach (var item in feed.Items)
            {
                Item(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Item(Utf8JsonWriter w, FeedItem item)
    {
        w.WriteStartObject();
        String(w, "id", item.Id);
        String(w, "title", item.Title);
        String(w, "description", item.Description);
        String(w, "content", item.Content);
        String(w, "link", item.Link?.ToString());
        if (item.Links.Count > 0)
        {
            w.WriteStartArray("links");
            foreach (var link in item.Links)
            {
                w.WriteStartObject();
                w.WriteString("href", link.Href.ToString());
                w.WriteString("rel", link.Rel);
                String(w, "type", link.Type);
                String(w, "title", link.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Date(w, "published", item.Published);
        Date(w, "updated", item.Updated);
        People(w, item.Authors);
        Strings(w, "categories", item.Categories);
        if (item.Enclosures.Count > 0)
        {
            w.WriteStartArray("enclosures");
            foreach (var enclosure in item.Enclosures)
            {
                w.WriteStartObject();
                w.WriteString("url", enclosure.Url.ToString());
                String(w, "type", enclosure.Type);
                if (enclosure.Length is { } length)
                {
                    w.WriteNumber("length", length);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Image(w, item.Image);
        w.WriteEndObject();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            w.WriteString(name, Iso(date));
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void People(Utf8JsonWriter w, IReadOnlyList<FeedPerson> people)
    {
        if (people.Count == 0)
        {
            return;
        }

        w.WriteStartArray("authors");
        foreach (var person in people)
        {
            w.WriteStartObject();
            String(w, "name", person.Name);
            String(w, "email", person.Email);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Image(Utf8JsonWriter w, FeedImage? image)
    {
        if (image is not null)
        {
            w.WriteStartObject("image");
            w.WriteString("url", image.Url.ToString());
            w.WriteEndObject();
        }
    }
}

using System.CommandLine;
using System.Globalization;
using NewsWatch.Feeds;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch parse-feed [--json] FILE|URL...</c>: shows what the parser reads from a feed. A dev
/// tool: URLs are fetched with a plain HttpClient (loopback allowed), not through the guarded fetcher.
/// </summary>
internal static class ParseFeedCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("source") { Description = "Feed files or http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per input and line, with \"source\"" };
        var command = new Command("parse-feed", "Parse feeds and print what NewsWatch reads from them") { inputs, json };
        command.SetAction(async (parse, token) =>
        {
            var failed = 0;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("NewsWatch-parse-feed/1.0");
            foreach (var source in parse.GetValue(inputs) ?? [])
            {
                try
                {
                    var (content, baseUrl, contentType) = await ReadAsync(http, source, token);
                    var feed = FeedParser.Parse(content, baseUrl, contentType);
                    Console.WriteLine(parse.GetValue(json) ? ParsedFeedJson.Write(source, feed) : Describe(source, feed));
                }
                catch (Exception ex) when (ex is FeedParseException or IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException)
                {
                    // One bad input is reported and the others still print; the exit code says something failed.
                    failed++;
                    await Console.Error.WriteLineAsync($"newswatch: {source}: {ex.Message}");
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<(byte[] Content, Uri BaseUrl, string? ContentType)> ReadAsync(HttpClient http, string source, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            // Relative links resolve against where the feed ended up after redirects.
            return (content, response.RequestMessage?.RequestUri ?? url, response.Content.Headers.ContentType?.ToString());
        }

        if (!File.Exists(source))
        {
            throw new IOException("no such file (and not an http/https URL)");
        }

        return (await File.ReadAllBytesAsync(source, cancellationToken), new Uri(Path.GetFullPath(source)), null);
    }

    private static string Describe(string source, ParsedFeed feed)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(inv, $"{source}: {feed.Format}, {feed.Items.Count} item{(feed.Items.Count == 1 ? "" : "s")}");
        text.AppendLine(inv, $"  title:   {feed.Title ?? "(none)"}");
        if (feed.Link is not null)
        {
            text.AppendLine(inv, $"  link:    {feed.Link}");
        }

        if ((feed.Updated ?? feed.Published) is { } date)
        {
            text.AppendLine(inv, $"  updated: {ParsedFeedJson.Iso(date)}");
        }

        foreach (var item in feed.Items)
        {
            text.AppendLine();
            text.AppendLine(inv, $"  {(item.Published is { } published ? ParsedFeedJson.Iso(published) : "(no date)"),-20}  {(item.Title.Length == 0 ? "(untitled)" : item.Title)}");
            if (item.Link is not null)
            {
                text.AppendLine(inv, $"  {"",-20}  {item.Link}");
            }

            if (item.Summary.Length > 0)
            {
                text.AppendLine(inv, $"  {"",-20}  {(item.Summary.Length > 160 ? item.Summary[..160] + "…" : item.Summary)}");
            }
        }

        return text.ToString().TrimEnd();
    }
}

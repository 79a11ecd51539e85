using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Feeds;

namespace NewsWatch.Cli.Commands;

internal static class FeedsCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The feed's address (http or https)" };
        var add = new Command("add", "Watch a feed") { url };
        add.SetAction((parse, token) =>
        {
            if (!FeedUrl.TryParse(parse.GetValue(url), out var feed, out var error))
            {
                return CliHost.Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                var added = await services.GetRequiredService<FeedRegistry>().AddAsync(feed, ct);
                Console.WriteLine(added ? $"added {feed.AbsoluteUri}" : $"already watching {feed.AbsoluteUri}");
                return 0;
            }, token);
        });

        var list = new Command("list", "List watched feeds and their health");
        list.SetAction((parse, token) => CliHost.RunAsync(async (services, ct) =>
        {
            var states = await services.GetRequiredService<FeedStateStore>().ListAsync(ct);
            foreach (var feed in await services.GetRequiredService<FeedRegistry>().ListAsync(ct))
            {
                Console.WriteLine($"{feed.Url.AbsoluteUri}  {FeedHealth.Describe(states.GetValueOrDefault(feed.Url))}");
            }

            return 0;
        }, token));

        var file = new Argument<string>("file") { Description = "An OPML file (- for standard input)" };
        var import = new Command("import", "Watch every feed in an OPML file") { file };
        import.SetAction((parse, token) => ImportAsync(parse.GetValue(file)!, token));

        var export = new Command("export", "Write the watched feeds as OPML to standard output");
        export.SetAction((parse, token) => CliHost.RunAsync(async (services, ct) =>
        {
            var feeds = await services.GetRequiredService<FeedRegistry>().ListAsync(ct);
            Console.WriteLine(Opml.Write(feeds, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            return 0;
        }, token));

        var removeUrl = new Argument<string>("url") { Description = "The feed's address as it was added" };
        var remove = new Command("remove", "Stop watching a feed") { removeUrl };
        remove.SetAction((parse, token) =>
        {
            if (!FeedUrl.TryParse(parse.GetValue(removeUrl), out var feed, out var error))
            {
                return CliHost.Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                await services.GetRequiredService<FeedStateStore>().RemoveAsync(feed, ct);
                if (await services.GetRequiredService<FeedRegistry>().RemoveAsync(feed, ct))
                {
                    Console.WriteLine($"removed {feed.AbsoluteUri}");
                    return 0;
                }

                await Console.Error.WriteLineAsync($"newswatch: not watching {feed.AbsoluteUri}");
                return 1;
            }, token);
        });

        return new Command("feeds", "Manage the feeds NewsWatch watches") { add, list, remove, import, export };
    }

    // Every valid URL is added; each invalid one is reported, and the exit code says so.
    private static async Task<int> ImportAsync(string file, CancellationToken token)
    {
        IReadOnlyList<string> urls;
        try
        {
            await using var stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
            urls = Opml.ReadFeedUrls(stream);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return await CliHost.Fail($"{file}: {ex.Message}");
        }

        var valid = new List<Uri>();
        var invalid = 0;
        foreach (var text in urls)
        {
            if (FeedUrl.TryParse(text, out var url, out var error))
            {
                valid.Add(url);
            }
            else
            {
                invalid++;
                await Console.Error.WriteLineAsync($"newswatch: {file}: skipped {error}");
            }
        }

        return await CliHost.RunAsync(async (services, ct) =>
        {
            var registry = services.GetRequiredService<FeedRegistry>();
            var added = 0;
            foreach (var url in valid)
            {
                added += await registry.AddAsync(url, ct) ? 1 : 0;
            }

            Console.WriteLine($"imported {added} new feeds ({valid.Count - added} already watched, {invalid} invalid)");
            return invalid == 0 ? 0 : 1;
        }, token);
    }

}

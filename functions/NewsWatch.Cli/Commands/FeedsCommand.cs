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
                return Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                var added = await services.GetRequiredService<FeedRegistry>().AddAsync(feed, ct);
                Console.WriteLine(added ? $"added {feed.AbsoluteUri}" : $"already watching {feed.AbsoluteUri}");
                return 0;
            }, token);
        });

        var list = new Command("list", "List watched feeds");
        list.SetAction((parse, token) => CliHost.RunAsync(async (services, ct) =>
        {
            foreach (var feed in await services.GetRequiredService<FeedRegistry>().ListAsync(ct))
            {
                Console.WriteLine(feed.Url.AbsoluteUri);
            }

            return 0;
        }, token));

        var removeUrl = new Argument<string>("url") { Description = "The feed's address as it was added" };
        var remove = new Command("remove", "Stop watching a feed") { removeUrl };
        remove.SetAction((parse, token) =>
        {
            if (!FeedUrl.TryParse(parse.GetValue(removeUrl), out var feed, out var error))
            {
                return Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                if (await services.GetRequiredService<FeedRegistry>().RemoveAsync(feed, ct))
                {
                    Console.WriteLine($"removed {feed.AbsoluteUri}");
                    return 0;
                }

                await Console.Error.WriteLineAsync($"newswatch: not watching {feed.AbsoluteUri}");
                return 1;
            }, token);
        });

        return new Command("feeds", "Manage the feeds NewsWatch watches") { add, list, remove };
    }

    internal static async Task<int> Fail(string error)
    {
        await Console.Error.WriteLineAsync("newswatch: " + error);
        return 2;
    }
}

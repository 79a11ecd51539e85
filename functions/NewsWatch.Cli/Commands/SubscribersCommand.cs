using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Subscriptions;

namespace NewsWatch.Cli.Commands;

internal static class SubscribersCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's email address" };
        var countries = new Option<string[]>("--countries")
        {
            Description = "Countries to follow as supplier or recipient (names, ISO codes, capitals), comma-separated",
            AllowMultipleArgumentsPerToken = true,
        };
        var categories = new Option<string[]>("--categories")
        {
            Description = $"Weapon categories to follow: {string.Join(", ", WeaponCategory.All)}",
            AllowMultipleArgumentsPerToken = true,
        };
        var suppliers = new Option<string[]>("--suppliers") { Description = "Countries to follow as the supplier only, comma-separated", AllowMultipleArgumentsPerToken = true };
        var recipients = new Option<string[]>("--recipients") { Description = "Countries to follow as the recipient only, comma-separated", AllowMultipleArgumentsPerToken = true };
        var systems = new Option<string[]>("--systems") { Description = "Named systems to follow (Mi-35, F-16…), comma-separated", AllowMultipleArgumentsPerToken = true };
        var stages = new Option<string[]>("--stages")
        {
            Description = $"Deal stages to follow: {string.Join(", ", DealStage.All)}",
            AllowMultipleArgumentsPerToken = true,
        };
        var minScore = new Option<double>("--min-score") { Description = "The lowest relevance score worth an alert, 0 to 1 (default 0: every relevant deal)" };
        var keywords = new Option<string[]>("--keywords") { Description = "Words or phrases, one of which must be in the headline or evidence, comma-separated", AllowMultipleArgumentsPerToken = true };
        var digest = new Option<int?>("--digest") { Description = "Send one daily digest at this local hour (0-23) instead of immediate alerts" };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone of the digest hour (default UTC)" };
        var add = new Command("add", "Add a subscriber, or change the filters of one") { email, countries, categories, suppliers, recipients, systems, stages, keywords, minScore, digest, timeZone };
        add.SetAction((parse, token) =>
        {
            // The same fields and rules as the preferences form.
            var score = parse.GetValue(minScore);
            var hour = parse.GetValue(digest);
            var fields = new FilterFields(new Dictionary<string, IReadOnlyList<string?>>
            {
                ["countries"] = parse.GetValue(countries) ?? [],
                ["categories"] = parse.GetValue(categories) ?? [],
                ["suppliers"] = parse.GetValue(suppliers) ?? [],
                ["recipients"] = parse.GetValue(recipients) ?? [],
                ["systems"] = parse.GetValue(systems) ?? [],
                ["stages"] = parse.GetValue(stages) ?? [],
                ["keywords"] = parse.GetValue(keywords) ?? [],
                ["min_score"] = [score.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["delivery"] = [hour is null ? "immediate" : "digest"],
                ["digest_hour"] = [hour?.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["time_zone"] = [parse.GetValue(timeZone)],
            });
            if (!SubscriberEmail.TryNormalize(parse.GetValue(email), out var address, out var error)
                || !fields.TryApply(new Subscriber(address, [], []), out var subscriber, out error))
            {
                return CliHost.Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                await services.GetRequiredService<SubscriberStore>().SaveAsync(subscriber, ct);
                Console.WriteLine($"subscribed {Describe(subscriber)}");
                return 0;
            }, token);
        });

        var list = new Command("list", "List subscribers and what they follow");
        list.SetAction((parse, token) => CliHost.RunAsync(async (services, ct) =>
        {
            foreach (var subscriber in await services.GetRequiredService<SubscriberStore>().ListAsync(ct))
            {
                Console.WriteLine(Describe(subscriber));
            }

            return 0;
        }, token));

        var removeEmail = new Argument<string>("email") { Description = "The subscriber's email address" };
        var remove = new Command("remove", "Remove a subscriber") { removeEmail };
        remove.SetAction((parse, token) =>
        {
            if (!SubscriberEmail.TryNormalize(parse.GetValue(removeEmail), out var address, out var error))
            {
                return CliHost.Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                if (await services.GetRequiredService<SubscriberStore>().RemoveAsync(address, ct))
                {
                    Console.WriteLine($"removed {address}");
                    return 0;
                }

                await Console.Error.WriteLineAsync($"newswatch: no subscriber {address}");
                return 1;
            }, token);
        });

        var suppressEmail = new Argument<string>("email") { Description = "The subscriber's email address" };
        var reason = new Option<string>("--reason") { Description = "Why (shown by list and show)", DefaultValueFactory = _ => "suppressed by an operator" };
        var suppress = new Command("suppress", "Stop all mail to a subscriber, keeping their filters") { suppressEmail, reason };
        suppress.SetAction((parse, token) => OnSubscriber(parse.GetValue(suppressEmail), async (store, address, ct) =>
            await store.SuppressAsync(address, parse.GetValue(reason)!, ct) ? $"suppressed {address}" : null, token));

        var unsuppressEmail = new Argument<string>("email") { Description = "The subscriber's email address" };
        var unsuppress = new Command("unsuppress", "Let mail go to a suppressed subscriber again") { unsuppressEmail };
        unsuppress.SetAction((parse, token) => OnSubscriber(parse.GetValue(unsuppressEmail), async (store, address, ct) =>
            await store.UnsuppressAsync(address, ct) ? $"unsuppressed {address}" : null, token));

        var showEmail = new Argument<string>("email") { Description = "The subscriber's email address" };
        var show = new Command("show", "Show a subscriber's filters and state") { showEmail };
        show.SetAction((parse, token) =>
        {
            if (!SubscriberEmail.TryNormalize(parse.GetValue(showEmail), out var address, out var error))
            {
                return CliHost.Fail(error);
            }

            return CliHost.RunAsync(async (services, ct) =>
            {
                if (await services.GetRequiredService<SubscriberStore>().GetAsync(address, ct) is not { } subscriber)
                {
                    await Console.Error.WriteLineAsync($"newswatch: no subscriber {address}");
                    return 1;
                }

                Console.WriteLine(Describe(subscriber));
                var emails = await services.GetRequiredService<DeliveryLedger>().RecentAsync(SubscriberStore.IdOf(address), 10, ct);
                Console.WriteLine(emails.Count == 0 ? "no emails yet" : "last emails:");
                foreach (var (key, status, at) in emails)
                {
                    Console.WriteLine($"  {at:yyyy-MM-dd HH:mm}Z  {status,-8}  {(key.StoryId == DigestSender.DigestStory ? "digest of " + key.Stage : $"story {key.StoryId} ({key.Stage})")}");
                }

                return 0;
            }, token);
        });

        return new Command("subscribers", "Manage who gets alerts") { add, list, remove, show, suppress, unsuppress };
    }

    /// <summary>Runs <paramref name="action"/> for a valid address; it returns the line to print, or null when there is no such subscriber.</summary>
    private static Task<int> OnSubscriber(string? email, Func<SubscriberStore, string, CancellationToken, Task<string?>> action, CancellationToken token)
    {
        if (!SubscriberEmail.TryNormalize(email, out var address, out var error))
        {
            return CliHost.Fail(error);
        }

        return CliHost.RunAsync(async (services, ct) =>
        {
            if (await action(services.GetRequiredService<SubscriberStore>(), address, ct) is { } line)
            {
                Console.WriteLine(line);
                return 0;
            }

            await Console.Error.WriteLineAsync($"newswatch: no subscriber {address}");
            return 1;
        }, token);
    }

    private static string Describe(Subscriber subscriber) =>
        $"{subscriber.Email}  countries: {Or(subscriber.Countries)}  categories: {Or(subscriber.Categories)}" +
        Optional("suppliers", subscriber.Suppliers) + Optional("recipients", subscriber.Recipients) +
        Optional("systems", subscriber.Systems) + Optional("stages", subscriber.Stages) + Optional("keywords", subscriber.Keywords) +
        (subscriber.Delivery == DeliveryMode.Digest ? $"  digest: {subscriber.DigestHour:00}:00 {subscriber.TimeZone}" : "") +
        (subscriber.Confirmed ? "" : "  unconfirmed") +
        (subscriber.MinScore > 0 ? $"  min score: {subscriber.MinScore.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "") +
        (subscriber.Suppressed ? $"  suppressed: {subscriber.SuppressedReason} ({subscriber.SuppressedAt:yyyy-MM-dd HH:mm}Z)" : "");

    private static string Optional(string name, IReadOnlyList<string> values) => values.Count == 0 ? "" : $"  {name}: {string.Join(",", values)}";

    private static string Or(IReadOnlyList<string> values) => values.Count == 0 ? "any" : string.Join(",", values);
}

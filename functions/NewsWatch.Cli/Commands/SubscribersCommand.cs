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
            if (!SubscriberEmail.TryNormalize(parse.GetValue(email), out var address, out var error)
                || !FilterText.TryCountries(parse.GetValue(countries), out var countryList, out error)
                || !FilterText.TryCategories(parse.GetValue(categories), out var categoryList, out error)
                || !FilterText.TryCountries(parse.GetValue(suppliers), out var supplierList, out error)
                || !FilterText.TryCountries(parse.GetValue(recipients), out var recipientList, out error)
                || !FilterText.TrySystems(parse.GetValue(systems), out var systemList, out error)
                || !FilterText.TryStages(parse.GetValue(stages), out var stageList, out error)
                || !FilterText.TryKeywords(parse.GetValue(keywords), out var keywordList, out error))
            {
                return CliHost.Fail(error);
            }

            var zone = parse.GetValue(timeZone) ?? "UTC";
            if (!DigestSchedule.IsKnown(zone))
            {
                return CliHost.Fail($"'{zone}' is not an IANA time zone (e.g. Europe/Paris)");
            }

            var hour = parse.GetValue(digest) ?? 8;
            if (hour is < 0 or > 23)
            {
                return CliHost.Fail($"--digest takes an hour from 0 to 23, not {hour}");
            }

            var score = parse.GetValue(minScore);
            if (double.IsNaN(score) || score is < 0 or > 1)
            {
                return CliHost.Fail($"--min-score must be between 0 and 1, not {score}");
            }

            var subscriber = new Subscriber(address, countryList, categoryList)
            {
                Suppliers = supplierList,
                Recipients = recipientList,
                Systems = systemList,
                Stages = stageList,
                MinScore = score,
                Keywords = keywordList,
                Delivery = parse.GetValue(digest) is null ? DeliveryMode.Immediate : DeliveryMode.Digest,
                DigestHour = hour,
                TimeZone = zone,
            };
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

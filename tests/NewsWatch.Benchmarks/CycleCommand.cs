using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsWatch.Feeds;

namespace NewsWatch.Benchmarks;

/// <summary>
/// A poll cycle of many feeds served locally, fetched through the real <see cref="FeedFetcher"/>
/// (resolved from <c>AddNewsWatch()</c>, so with its HTTP pipeline: resilience handler, address
/// guard, per-host gate) and each 200 parsed with <see cref="FeedParser"/>. Storage is not
/// involved. Each concurrency level runs alternately an unconditional cycle (the baseline) and
/// a conditional one with the ETags a previous cycle stored.
/// </summary>
public static class CycleCommand
{
    public sealed record Options(int Feeds, int Hosts, int Items, TimeSpan Latency, double Changed, int[] Concurrency, int Repeat, int MaxFetchesPerHost, bool Gzip);

    private sealed record Cycle(TimeSpan Elapsed, TimeSpan Cpu, int Ok, int NotModified, long BodyBytes, int FetchErrors, int ParseErrors);

    public static Options ParseOptions(IReadOnlyList<string> args)
    {
        var options = new Options(Feeds: 2000, Hosts: 200, Items: 20, Latency: TimeSpan.FromMilliseconds(100), Changed: 0.2, Concurrency: [16, 64], Repeat: 3, MaxFetchesPerHost: 2, Gzip: false);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--feed-count" => options with { Feeds = Int() },
                "--hosts" => options with { Hosts = Int() },
                "--items" => options with { Items = Int() },
                "--latency-ms" => options with { Latency = TimeSpan.FromMilliseconds(Int()) },
                "--changed" => options with { Changed = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--repeat" => options with { Repeat = Int() },
                "--max-per-host" => options with { MaxFetchesPerHost = Int() },
                "--gzip" => options with { Gzip = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.Hosts is < 1 or > 254 || options.Changed is <= 0 or > 1 || options.Feeds < 1 || options.Repeat < 1)
        {
            throw new ArgumentException("--hosts 1..254, --changed in (0, 1], --feed-count and --repeat at least 1");
        }

        return options;
    }

    public static async Task<string> RunAsync(Options options)
    {
        await using var server = await SyntheticFeedServer.StartAsync(options.Feeds, options.Hosts, options.Items, options.Latency, options.Gzip);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsWatch:Feeds:AllowLoopback"] = "true",
            ["NewsWatch:Feeds:MaxFetchesPerHost"] = options.MaxFetchesPerHost.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddNewsWatch(); // the host is never started: nothing touches storage
        using var host = builder.Build();
        var services = host.Services;
        var urls = server.Urls;

        // First cycle: every feed answers 200, and its ETag is stored (warms up JIT and connections too).
        var etags = new string?[urls.Count];
        var prime = await RunCycleAsync(services, server, urls, new string?[urls.Count], etags, options.Concurrency[0]);
        Console.Error.WriteLine($"prime cycle: {Describe(prime)}");
        if (etags.Any(e => e is null))
        {
            throw new InvalidOperationException("the prime cycle did not store an ETag for every feed");
        }

        // Then a share of the feeds publish: their ETag changes.
        server.Publish(options.Changed);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Feeds} feeds on {options.Hosts} loopback hosts, {options.Latency.TotalMilliseconds:0} ms before each response, {options.Changed:P0} changed since the stored ETag; {options.Items}-item RSS documents of {server.AverageFeedBytes / 1000:N1} KB ({(options.Gzip ? $"served gzip, {server.AverageGzippedBytes / 1000:N1} KB" : "served uncompressed")}); MaxFetchesPerHost {options.MaxFetchesPerHost}; {Environment.ProcessorCount} cores shared by server and client; median of {options.Repeat} cycles (min-max).");
        text.AppendLine();
        text.AppendLine("| concurrency | GETs | cycle time | vs unconditional | ideal (feeds x latency / concurrency) | 200 / 304 | response body bytes | vs unconditional | CPU time (server + client) | errors |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in options.Concurrency)
        {
            // Unmeasured: lets the connection pools grow to this concurrency.
            await RunCycleAsync(services, server, urls, etags, null, concurrency);
            var unconditional = new List<Cycle>();
            var conditional = new List<Cycle>();
            for (var r = 0; r < options.Repeat; r++)
            {
                unconditional.Add(await RunCycleAsync(services, server, urls, new string?[urls.Count], null, concurrency));
                Console.Error.WriteLine($"concurrency {concurrency} unconditional: {Describe(unconditional[^1])}");
                conditional.Add(await RunCycleAsync(services, server, urls, etags, null, concurrency));
                Console.Error.WriteLine($"concurrency {concurrency} conditional:   {Describe(conditional[^1])}");
            }

            var ideal = options.Feeds * options.Latency.TotalSeconds / concurrency;
            var baseline = Median(unconditional);
            Row(text, concurrency, "unconditional (baseline)", unconditional, baseline, ideal);
            Row(text, concurrency, "conditional (If-None-Match)", conditional, baseline, ideal);
        }

        return text.ToString();
    }

    private static async Task<Cycle> RunCycleAsync(IServiceProvider services, SyntheticFeedServer server, IReadOnlyList<Uri> urls, string?[] etags, string?[]? storeEtags, int concurrency)
    {
        server.ResetCounters();
        int fetchErrors = 0, parseErrors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, cancellationToken) =>
        {
            // One fetcher per feed, as a FetchFeed invocation resolves it.
            var fetcher = services.GetRequiredService<FeedFetcher>();
            try
            {
                var response = await fetcher.FetchAsync(urls[i], etags[i], null, cancellationToken);
                if (response.Kind == FeedResponseKind.Fetched)
                {
                    FeedParser.Parse(response.Content, urls[i], response.ContentType);
                    if (storeEtags is not null)
                    {
                        storeEtags[i] = response.ETag;
                    }
                }
            }
            catch (FeedFetchException)
            {
                Interlocked.Increment(ref fetchErrors);
            }
            catch (FeedParseException)
            {
                Interlocked.Increment(ref parseErrors);
            }
        });
        clock.Stop();
        return new Cycle(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, server.Ok, server.NotModified, server.BodyBytes, fetchErrors, parseErrors);
    }

    private static Cycle Median(List<Cycle> cycles) => cycles.OrderBy(c => c.Elapsed).ElementAt(cycles.Count / 2);

    private static string Describe(Cycle c) => string.Create(CultureInfo.InvariantCulture, $"{c.Elapsed.TotalSeconds:N2} s, {c.Ok} x 200, {c.NotModified} x 304, {c.BodyBytes} body bytes, CPU {c.Cpu.TotalSeconds:N1} s, {c.FetchErrors} fetch errors, {c.ParseErrors} parse errors");

    private static void Row(StringBuilder text, int concurrency, string mode, List<Cycle> cycles, Cycle baseline, double ideal)
    {
        var median = Median(cycles);
        var min = cycles.Min(c => c.Elapsed.TotalSeconds);
        var max = cycles.Max(c => c.Elapsed.TotalSeconds);
        var errors = cycles.Sum(c => c.FetchErrors + c.ParseErrors);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {concurrency} | {mode} | {median.Elapsed.TotalSeconds:N2} s ({min:N2}-{max:N2}) | {median.Elapsed / baseline.Elapsed:N2} | {ideal:N2} s | {median.Ok} / {median.NotModified} | {median.BodyBytes:N0} | {(double)median.BodyBytes / baseline.BodyBytes:N3} | {median.Cpu.TotalSeconds:N1} s | {errors} |");
    }
}

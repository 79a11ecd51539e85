using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NewsWatch.Benchmarks;

// dotnet run -c Release --project tests/NewsWatch.Benchmarks -- <command>
//   count [--feeds PATH]                      files each parser reads, over the whole corpus
//   parse [--feeds PATH] [BenchmarkDotNet args] parse throughput (BenchmarkDotNet: 3 launches of 3 warmups + 15 iterations, out of process)
//   cycle [--feed-count N] [--hosts N] [--concurrency 16,64] [--repeat N] [--latency-ms N] [--changed 0.2] [--items N] [--max-per-host N] [--gzip]
// The corpus folder: --feeds PATH (count, parse), else $NEWSWATCH_FEEDS, else ../shared/data/feeds next to the repository.
var command = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToList();
try
{
    switch (command)
    {
        case "count":
            Console.WriteLine(CountCommand.Run(Corpus.ResolveFolder(TakeOption(rest, "--feeds"))));
            return 0;

        case "parse":
            Environment.SetEnvironmentVariable(Corpus.EnvironmentVariable, Corpus.ResolveFolder(TakeOption(rest, "--feeds")));
            var config = ManualConfig.Create(DefaultConfig.Instance)
                // Each benchmark in its own processes (three launches), so that one library's garbage does
                // not land on the next one's clock; the machine is shared, so medians are read too.
                .AddJob(Job.Default.WithLaunchCount(3).WithWarmupCount(3).WithIterationCount(15).WithId("3x15"))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(new CorpusColumn(), new ThroughputColumn(), StatisticColumn.Median, new MedianRatioColumn());
            var summary = BenchmarkRunner.Run<ParseBenchmarks>(config, [.. rest]);
            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;

        case "cycle":
            Console.WriteLine(await CycleCommand.RunAsync(CycleCommand.ParseOptions(rest)));
            return 0;

        default:
            Console.Error.WriteLine("usage: NewsWatch.Benchmarks count|parse|cycle [options] (see docs/performance.md)");
            return 2;
    }
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static string? TakeOption(List<string> args, string name)
{
    var i = args.IndexOf(name);
    if (i < 0)
    {
        return null;
    }

    if (i + 1 >= args.Count)
    {
        throw new ArgumentException($"{name} needs a value");
    }

    var value = args[i + 1];
    args.RemoveRange(i, 2);
    return value;
}

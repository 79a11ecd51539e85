using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NewsWatch.Benchmarks;

// dotnet run -c Release --project tests/NewsWatch.Benchmarks -- <command>
//   count [--feeds PATH]                      files each parser reads, over the whole corpus
//   parse [--feeds PATH] [BenchmarkDotNet args] parse throughput (BenchmarkDotNet: 3 launches of 3 warmups + 15 iterations, out of process)
//   cycle [--feed-count N] [--hosts N] [--concurrency 16,64] [--repeat N] [--latency-ms N] [--changed 0.2] [--items N] [--max-per-host N] [--gzip]
//   classify [--data PATH] [BenchmarkDotNet args]  classifier throughput vs a naive keyword regex (BenchmarkDotNet: the regex 1 launch x 9
//                                              iterations, the classifier 3 launches x 30 iterations, in the same run)
//   classify-load [--runs N]                   lexicon load time and memory, cold, in N fresh processes (default 5)
// The corpus folder: --feeds PATH (count, parse), else $NEWSWATCH_FEEDS, else ../shared/data/feeds next to the repository.
// The news items: --data PATH (classify), else $NEWSWATCH_DATA, else ../shared/data/news-dev.jsonl next to the repository.
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

        case "classify":
            Environment.SetEnvironmentVariable(NewsData.EnvironmentVariable, NewsData.ResolveFile(TakeOption(rest, "--data")));
            var classifyConfig = ManualConfig.Create(DefaultConfig.Instance)
                // The naive regex takes about 17 s an operation, so few iterations (each a long average); the
                // classifier's operation takes milliseconds, so many iterations in three processes, whose median
                // a burst of load from the machine's neighbours does not move. Each method runs in its own job.
                .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(9).WithId(ClassifyBenchmarks.NaiveJob))
                .AddJob(Job.Default.WithLaunchCount(3).WithWarmupCount(3).WithIterationCount(30).WithId(ClassifyBenchmarks.NewsWatchJob))
                .AddFilter(new SimpleFilter(ClassifyBenchmarks.InItsJob))
                .HideColumns(Column.Ratio, Column.RatioSD, Column.AllocRatio) // per job, so blank here: see Median ratio
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(StatisticColumn.Median, new ArticlesPerSecondColumn(), new BytesPerArticleColumn(), new MedianRatioColumn(), new SpeedupColumn());
            var classifySummary = BenchmarkRunner.Run<ClassifyBenchmarks>(classifyConfig, [.. rest]);
            return classifySummary.HasCriticalValidationErrors || classifySummary.Reports.Any(r => !r.Success) ? 1 : 0;

        case "classify-load":
            var runs = TakeOption(rest, "--runs") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 5;
            Console.WriteLine(ClassifyLoadCommand.Run(runs));
            return 0;

        case ClassifyLoadCommand.Once:
            Console.WriteLine(ClassifyLoadCommand.MeasureOnce());
            return 0;

        case "cycle":
            Console.WriteLine(await CycleCommand.RunAsync(CycleCommand.ParseOptions(rest)));
            return 0;

        default:
            Console.Error.WriteLine("usage: NewsWatch.Benchmarks count|parse|cycle|classify|classify-load [options] (see docs/performance.md)");
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

using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsWatch.Classification;

namespace NewsWatch.Benchmarks;

/// <summary>
/// One operation = every item of news-dev.jsonl (title + summary) once, single-threaded. NewsWatch is the
/// classifier as the pipeline calls it, <c>DealClassifier.Classify(title, summary)</c>; the baseline is a
/// naive keyword alert over the same lexicon (<see cref="NaiveKeywordAlert"/>), given the same text.
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    /// <summary>The job the naive regex runs in: a few iterations of a long operation.</summary>
    public const string NaiveJob = "Naive 1x9";

    /// <summary>The job the classifier runs in: many iterations of a short operation, in three processes.</summary>
    public const string NewsWatchJob = "NewsWatch 3x30";

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    private NewsItem[] _items = [];
    private string[] _texts = [];
    private DealClassifier _classifier = null!;
    private NaiveKeywordAlert _naive = null!;

    [GlobalSetup(Target = nameof(Naive))]
    public void SetupNaive()
    {
        _items = NewsData.All;

        // The alert reads one string; joined here, outside the clock, the way ArticleText joins them.
        _texts = [.. _items.Select(i => string.Join("\n\n", new[] { i.Title, i.Summary }.Where(s => !string.IsNullOrWhiteSpace(s))))];
        _naive = new NaiveKeywordAlert();
    }

    [GlobalSetup(Target = nameof(NewsWatch))]
    public void SetupNewsWatch()
    {
        _items = NewsData.All;
        _classifier = new DealClassifier(Lexicon.Default);

        // A worker classifies all day. A few warm-up operations (as many as the naive regex's half minute
        // allows) would leave the JIT's tiers and the matcher's first-use work on the clock: run it for a while.
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < WarmUp;)
        {
            NewsWatch();
        }
    }

    /// <summary>Whether a case is its method in that method's job (the config runs each method in one job only).</summary>
    public static bool InItsJob(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Job.Id == (benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(Naive) ? NaiveJob : NewsWatchJob);

    [Benchmark(Baseline = true, Description = "Naive regex")]
    public int Naive()
    {
        var matches = 0;
        foreach (var text in _texts)
        {
            matches += _naive.Count(text);
        }

        return matches;
    }

    [Benchmark(Description = "NewsWatch")]
    public int NewsWatch()
    {
        var relevant = 0;
        foreach (var item in _items)
        {
            relevant += _classifier.Classify(item.Title, item.Summary).Relevant ? 1 : 0;
        }

        return relevant;
    }
}

/// <summary>Articles classified per second: the items in one operation over its median time.</summary>
public sealed class ArticlesPerSecondColumn : IColumn
{
    public string Id => nameof(ArticlesPerSecondColumn);

    public string ColumnName => "Articles/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Articles (title + summary) per second, single-threaded: items in one operation / Median";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return median is > 0
            ? (NewsData.All.Length / (median.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Bytes allocated per article: MemoryDiagnoser's bytes per operation over the items in one operation.</summary>
public sealed class BytesPerArticleColumn : IColumn
{
    public string Id => nameof(BytesPerArticleColumn);

    public string ColumnName => "Bytes/article";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Managed bytes allocated per article: Allocated / items in one operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is { } perOperation
            ? (perOperation / (double)NewsData.All.Length).ToString("N0", CultureInfo.InvariantCulture)
            : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>How many times faster than the baseline: the baseline's median time over this case's.</summary>
public sealed class SpeedupColumn : IColumn
{
    public string Id => nameof(SpeedupColumn);

    public string ColumnName => "Speed-up";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 11;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "The baseline's median time / this median time: how many times faster than the naive regex";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        MedianRatioColumn.Of(summary, benchmarkCase) is { } ratio ? (1 / ratio).ToString("N0", CultureInfo.InvariantCulture) + "x" : "NA";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsWatch.Feeds;

namespace NewsWatch.Benchmarks;

/// <summary>
/// One operation = parsing every file of the subset once, from bytes already in memory.
/// A file a parser refuses costs what refusing it costs (its exception included): that is
/// what a poller pays for it too. "parsed-by-all" compares like with like.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private CorpusFile[] _files = [];

    [Params(Corpus.All, Corpus.ParsedByAll)]
    public string Files { get; set; } = Corpus.All;

    [GlobalSetup]
    public void Setup() => _files = Corpus.Subset(Files);

    [Benchmark(Baseline = true, Description = "Syndication")]
    public int Syndication()
    {
        var items = 0;
        foreach (var file in _files)
        {
            items += Parsers.TrySyndication(file, out var n) ? n : 0;
        }

        return items;
    }

    [Benchmark(Description = "CodeHollow")]
    public int CodeHollow()
    {
        var items = 0;
        foreach (var file in _files)
        {
            items += Parsers.TryCodeHollow(file, out var n) ? n : 0;
        }

        return items;
    }

    [Benchmark(Description = "NewsWatch")]
    public int NewsWatch()
    {
        var items = 0;
        foreach (var file in _files)
        {
            try
            {
                items += Parsers.NewsWatch(file);
            }
            catch (FeedParseException)
            {
                // a refused file: counted by the count command, not here
            }
        }

        return items;
    }
}

/// <summary>Megabytes (10^6 bytes) of feed documents parsed per second: the subset's size over the mean time.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Feed bytes parsed per second, in MB (10^6 bytes): corpus subset size / Median (the machine is shared: the median resists outliers)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (median is not > 0 || benchmarkCase.Parameters["Files"] is not string subset)
        {
            return "NA";
        }

        var megabytes = Corpus.BytesOf(Corpus.Subset(subset)) / 1e6;
        return (megabytes / (median.Value / 1e9)).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>What one operation parses: files and megabytes of the subset.</summary>
public sealed class CorpusColumn : IColumn
{
    public string Id => nameof(CorpusColumn);

    public string ColumnName => "Corpus";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Params;

    public int PriorityInCategory => 1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Files and MB in one operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters["Files"] is not string subset)
        {
            return "NA";
        }

        var files = Corpus.Subset(subset);
        return string.Create(CultureInfo.InvariantCulture, $"{files.Length} files, {Corpus.BytesOf(files) / 1e6:N2} MB");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

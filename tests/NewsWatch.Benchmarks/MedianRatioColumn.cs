using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsWatch.Benchmarks;

/// <summary>
/// This case's median time over the baseline's median in the same subset. BenchmarkDotNet's Ratio
/// is the mean of per-iteration ratios, which one slow iteration of either side skews; on a
/// shared machine the medians give the steadier comparison.
/// </summary>
public sealed class MedianRatioColumn : IColumn
{
    public string Id => nameof(MedianRatioColumn);

    public string ColumnName => "Median ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time / the baseline's median time, same subset";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Of(summary, benchmarkCase) is { } ratio ? ratio.ToString("N2", CultureInfo.InvariantCulture) : "NA";

    /// <summary>
    /// This case's median over its baseline's median; null when either is missing. The baseline is the one in
    /// the case's group, else the run's only baseline (a baseline may run in a job of its own).
    /// </summary>
    internal static double? Of(Summary summary, BenchmarkCase benchmarkCase)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase)) ?? OnlyBaseline(summary);
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        var baselineMedian = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
        return median is > 0 && baselineMedian is > 0 ? median.Value / baselineMedian.Value : null;
    }

    private static BenchmarkCase? OnlyBaseline(Summary summary)
    {
        var baselines = summary.BenchmarksCases.Where(c => c.Descriptor.Baseline).ToList();
        return baselines.Count == 1 ? baselines[0] : null;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

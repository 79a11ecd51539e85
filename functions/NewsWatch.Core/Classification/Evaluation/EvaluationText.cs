using System.Globalization;
using System.Text;

namespace NewsWatch.Classification.Evaluation;

/// <summary>An evaluation report as a person reads it: the figures first, then every miss.</summary>
public static class EvaluationText
{
    private const int MaxQuoted = 160;

    public static string Format(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var relevant = report.TruePositives + report.FalseNegatives;
        Line(text, $"items: {report.Items} ({relevant} relevant, {report.Items - relevant} not){(report.Unreadable > 0 ? $"; {report.Unreadable} unreadable lines skipped" : "")}");
        Line(text, $"relevance: precision {report.Precision:0.000}  recall {report.Recall:0.000}  F1 {report.F1:0.000}  (tp {report.TruePositives}, fp {report.FalsePositives}, fn {report.FalseNegatives}, tn {report.TrueNegatives})");
        Line(text, $"facts of the {report.TruePositives} relevant items found (judged where the label states the fact):");
        Fact(text, "supplier", report.Supplier);
        Fact(text, "recipient", report.Recipient);
        Fact(text, "system", report.System);
        Fact(text, "stage", report.Stage);
        Line(text, $"by category (share decided as labelled):");
        foreach (var category in report.Categories)
        {
            Line(text, $"  {(category.Relevant ? "+" : "-")} {category.Category,-32} {category.Right,4}/{category.Items,-4} {category.Accuracy:0.00}");
        }

        Line(text, $"calibration (score band: items, mean score, share labelled relevant):");
        foreach (var bin in report.Calibration.Where(b => b.Items > 0))
        {
            Line(text, $"  [{bin.From:0.0}, {bin.To:0.0}) {bin.Items,4} items  {bin.MeanScore:0.00}  {bin.ObservedRate:0.00}");
        }

        Line(text, $"misses ({report.Misses.Count}):");
        foreach (var miss in report.Misses)
        {
            var quoted = miss.Text is null ? "" : miss.Text.Length <= MaxQuoted ? miss.Text : miss.Text[..MaxQuoted] + "…";
            Line(text, $"  {miss.Id} {miss.Kind} [{miss.Category}]: expected {miss.Expected}; got {miss.Got} | {quoted}");
        }

        return text.ToString();
    }

    private static void Fact(StringBuilder text, string name, FactTally tally) =>
        Line(text, $"  {name,-10} {tally.Accuracy:0.000} ({tally.Correct}/{tally.Judged})");

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}

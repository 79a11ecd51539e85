using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using NewsWatch.Classification;

namespace NewsWatch.Benchmarks;

/// <summary>
/// Lexicon load, cold: each run is a fresh process that builds <c>new DealClassifier(Lexicon.Default)</c> from
/// the embedded JSON once, timing it with a Stopwatch and measuring the memory it took; the table gives the
/// median and range over the runs. A cold load is what a Functions instance pays when it starts.
/// </summary>
public static class ClassifyLoadCommand
{
    /// <summary>The argument a child process is started with.</summary>
    public const string Once = "classify-load-once";

    public static string Run(int runs)
    {
        if (runs < 1)
        {
            throw new ArgumentException("--runs must be at least 1");
        }

        var samples = Enumerable.Range(0, runs).Select(_ => RunChild()).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Lexicon load, cold, {runs} fresh processes: median (min-max)");
        text.AppendLine("| measure | median | min | max |");
        text.AppendLine("|---|---:|---:|---:|");
        Row(text, "load time (ms)", samples.Select(s => s.Milliseconds), "N0");
        Row(text, "managed bytes allocated (MB)", samples.Select(s => s.Allocated / 1e6), "N1");
        Row(text, "managed heap retained (MB)", samples.Select(s => s.Retained / 1e6), "N1");
        Row(text, "working set growth (MB)", samples.Select(s => s.WorkingSet / 1e6), "N1");
        Row(text, "first Classify after load (ms)", samples.Select(s => s.FirstClassifyMilliseconds), "N1");
        return text.ToString();
    }

    /// <summary>The measurement itself, in the fresh process: one line of numbers on standard output.</summary>
    public static string MeasureOnce()
    {
        // Everything the measurement itself uses is touched first, so that only the lexicon is on the clock.
        var clock = Stopwatch.StartNew();
        _ = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        clock.Restart();
        var classifier = new DealClassifier(Lexicon.Default);
        var milliseconds = clock.Elapsed.TotalMilliseconds;

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        retained = GC.GetTotalMemory(forceFullCollection: true) - retained;
        process.Refresh();
        workingSet = process.WorkingSet64 - workingSet;

        clock.Restart();
        classifier.Classify("Poland signs deal for 96 AH-64E Apache helicopters", "Poland signed a $12 billion deal with the United States for 96 AH-64E Apache attack helicopters.");
        var first = clock.Elapsed.TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture, $"{milliseconds} {allocated} {retained} {workingSet} {first}");
    }

    private static Sample RunChild()
    {
        var self = Assembly.GetEntryAssembly()!.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add(Once);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start a child process");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the measuring process failed ({child.ExitCode}): {output}");
        }

        var numbers = output.Trim().Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new Sample(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
    }

    private static void Row(StringBuilder text, string name, IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {median.ToString(format, CultureInfo.InvariantCulture)} | {sorted[0].ToString(format, CultureInfo.InvariantCulture)} | {sorted[^1].ToString(format, CultureInfo.InvariantCulture)} |");
    }

    private sealed record Sample(double Milliseconds, double Allocated, double Retained, double WorkingSet, double FirstClassifyMilliseconds);
}

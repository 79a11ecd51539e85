using System.Globalization;
using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.Benchmarks;

/// <summary>
/// Files each parser reads without throwing, over the whole corpus, outside any timed loop.
/// "with items" counts the files that also yielded at least one item.
/// </summary>
public static class CountCommand
{
    private sealed class Tally
    {
        public int Files { get; set; }

        public long Bytes { get; set; }

        public int[] Parsed { get; } = new int[3];

        public int[] WithItems { get; } = new int[3];

        public long[] Items { get; } = new long[3];
    }

    public static string Run(string folder)
    {
        var files = Corpus.Load(folder);
        var byFormat = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byWellFormed = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var total = new Tally();
        var escaped = new List<string>();
        foreach (var file in files)
        {
            var results = new (bool Ok, int Items)[3];
            try
            {
                results[0] = Parsers.TryNewsWatch(file, out var n) ? (true, n) : (false, 0);
            }
#pragma warning disable CA1031 // the contract is FeedParseException only: anything else is reported, not hidden
            catch (Exception ex)
#pragma warning restore CA1031
            {
                escaped.Add($"{file.Source}/{file.Path}: {ex.GetType().Name}: {ex.Message}");
                results[0] = (false, 0);
            }

            results[1] = Parsers.TrySyndication(file, out var s) ? (true, s) : (false, 0);
            results[2] = Parsers.TryCodeHollow(file, out var c) ? (true, c) : (false, 0);
            var wellFormed = file.WellFormed.StartsWith("ok", StringComparison.Ordinal) ? "well-formed" : "ill-formed (strict XML/JSON parse fails)";
            foreach (var tally in new[] { total, Get(byFormat, file.Format), Get(byWellFormed, wellFormed) })
            {
                tally.Files++;
                tally.Bytes += file.Content.Length;
                for (var p = 0; p < 3; p++)
                {
                    tally.Parsed[p] += results[p].Ok ? 1 : 0;
                    tally.WithItems[p] += results[p].Ok && results[p].Items > 0 ? 1 : 0;
                    tally.Items[p] += results[p].Items;
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {folder} ({files.Length} files, {Corpus.BytesOf(files) / 1e6:N2} MB)");
        text.AppendLine();
        text.AppendLine("Files parsed without an exception (of them, with at least one item), per parser:");
        text.AppendLine();
        text.AppendLine("| files | count | MB | NewsWatch | System.ServiceModel.Syndication | CodeHollow.FeedReader |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, tally) in byFormat)
        {
            Row(text, name, tally);
        }

        foreach (var (name, tally) in byWellFormed)
        {
            Row(text, name, tally);
        }

        Row(text, "**all**", total);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Items read: NewsWatch {total.Items[0]}, Syndication {total.Items[1]}, CodeHollow {total.Items[2]}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Exceptions other than FeedParseException escaping FeedParser.Parse: {escaped.Count}.");
        foreach (var line in escaped.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }

        return text.ToString();
    }

    private static Tally Get(SortedDictionary<string, Tally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies[key] = tally;
        }

        return tally;
    }

    private static void Row(StringBuilder text, string name, Tally tally)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {name} | {tally.Files} | {tally.Bytes / 1e6:N2} |");
        for (var p = 0; p < 3; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {tally.Parsed[p]} ({tally.WithItems[p]}) |");
        }

        text.AppendLine();
    }
}

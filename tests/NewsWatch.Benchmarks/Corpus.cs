using System.Collections.Concurrent;
using System.Text;

namespace NewsWatch.Benchmarks;

/// <summary>One file of the conformance corpus, read into memory.</summary>
public sealed record CorpusFile(string Source, string Path, string Format, string WellFormed, byte[] Content, Uri BaseUrl);

/// <summary>
/// The real feeds in shared/data/feeds (MANIFEST.csv lists them). Read at run time only: the
/// build never depends on that folder.
/// </summary>
public static class Corpus
{
    public const string EnvironmentVariable = "NEWSWATCH_FEEDS";

    /// <summary>Every file of the manifest.</summary>
    public const string All = "all";

    /// <summary>Only the files that all three parsers read without throwing: like for like.</summary>
    public const string ParsedByAll = "parsed-by-all";

    private static readonly ConcurrentDictionary<string, CorpusFile[]> Subsets = new(StringComparer.Ordinal);

    /// <summary>
    /// The corpus folder: the argument, else $NEWSWATCH_FEEDS, else ../shared/data/feeds relative
    /// to the repository root (the folder holding NewsWatch.sln).
    /// </summary>
    public static string ResolveFolder(string? argument)
    {
        var folder = argument ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            var root = FindRepositoryRoot()
                ?? throw new InvalidOperationException($"cannot find the repository root (NewsWatch.sln) to locate ../shared/data/feeds; pass --feeds PATH or set {EnvironmentVariable}");
            folder = System.IO.Path.Combine(root, "..", "shared", "data", "feeds");
        }

        folder = System.IO.Path.GetFullPath(folder);
        if (!File.Exists(System.IO.Path.Combine(folder, "MANIFEST.csv")))
        {
            throw new InvalidOperationException($"{folder} has no MANIFEST.csv; pass --feeds PATH or set {EnvironmentVariable}");
        }

        return folder;
    }

    internal static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "NewsWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    public static CorpusFile[] Subset(string name) => Subsets.GetOrAdd(name, static key =>
    {
        var all = Subsets.GetOrAdd(All, static _ => Load(ResolveFolder(null)));
        return key switch
        {
            All => all,
            ParsedByAll => all.Where(f => Parsers.TryNewsWatch(f, out _) && Parsers.TrySyndication(f, out _) && Parsers.TryCodeHollow(f, out _)).ToArray(),
            _ => throw new ArgumentException($"unknown corpus subset {key}", nameof(name)),
        };
    });

    public static CorpusFile[] Load(string folder)
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(folder, "MANIFEST.csv"), Encoding.UTF8);
        var header = SplitCsv(lines[0]);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"MANIFEST.csv has no {name} column");
        var (source, path, format, wellFormed) = (Column("source"), Column("path"), Column("format"), Column("wellformed"));
        var files = new List<CorpusFile>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(line);
            var relative = System.IO.Path.Combine(fields[source], fields[path]);
            var content = File.ReadAllBytes(System.IO.Path.Combine(folder, relative));
            var baseUrl = new Uri("http://corpus.example/" + Uri.EscapeDataString(fields[source]) + "/" + string.Join('/', fields[path].Split('/').Select(Uri.EscapeDataString)));
            files.Add(new CorpusFile(fields[source], fields[path], fields[format], fields[wellFormed], content, baseUrl));
        }

        return [.. files];
    }

    public static long BytesOf(IEnumerable<CorpusFile> files) => files.Sum(f => (long)f.Content.Length);

    /// <summary>RFC 4180 fields of one line (quoted fields, doubled quotes; the manifest has no line breaks inside fields).</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

namespace NewsWatch.Conformance;

/// <summary>One row of feeds/MANIFEST.csv.</summary>
internal sealed record ManifestRow(string Source, string Path, string Format, string WellFormed, string Declared, string Expect)
{
    public static List<ManifestRow> Load(string corpus)
    {
        var rows = new List<ManifestRow>();
        var lines = File.ReadAllLines(System.IO.Path.Combine(corpus, "MANIFEST.csv"));
        var header = Csv.Split(lines[0]);
        int Column(string name) => header.IndexOf(name);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Csv.Split(line);
            rows.Add(new ManifestRow(cells[Column("source")], cells[Column("path")], cells[Column("format")], cells[Column("wellformed")], cells[Column("declared")], cells[Column("expect")]));
        }

        return rows;
    }

    public string FullPath(string corpus) => System.IO.Path.Combine(corpus, Source, Path);
}

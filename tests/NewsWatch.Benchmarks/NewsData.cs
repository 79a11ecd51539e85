using System.Text.Json;

namespace NewsWatch.Benchmarks;

/// <summary>One labelled news item of news-dev.jsonl: what the classifier is given.</summary>
public sealed record NewsItem(string Id, string? Title, string? Summary);

/// <summary>
/// The labelled news items in shared/data/news-dev.jsonl, read at run time only: the build never depends on
/// that folder.
/// </summary>
public static class NewsData
{
    public const string EnvironmentVariable = "NEWSWATCH_DATA";

    public const string FileName = "news-dev.jsonl";

    private static readonly Lazy<NewsItem[]> Items = new(() => Load(ResolveFile(null)));

    /// <summary>The items of the resolved file, loaded once per process.</summary>
    public static NewsItem[] All => Items.Value;

    /// <summary>
    /// The news file: the argument (the file or its folder), else $NEWSWATCH_DATA, else ../shared/data/news-dev.jsonl
    /// relative to the repository root (the folder holding NewsWatch.sln).
    /// </summary>
    public static string ResolveFile(string? argument)
    {
        var path = argument ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            var root = Corpus.FindRepositoryRoot()
                ?? throw new InvalidOperationException($"cannot find the repository root (NewsWatch.sln) to locate ../shared/data/{FileName}; pass --data PATH or set {EnvironmentVariable}");
            path = Path.Combine(root, "..", "shared", "data");
        }

        path = Path.GetFullPath(path);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist; pass --data PATH or set {EnvironmentVariable}");
    }

    public static NewsItem[] Load(string file)
    {
        var items = new List<NewsItem>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            items.Add(new NewsItem(Text(root, "id") ?? $"line {items.Count + 1}", Text(root, "title"), Text(root, "summary")));
        }

        return [.. items];
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

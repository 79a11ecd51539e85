namespace NewsWatch.Cli.Commands;

/// <summary>One line of `classify --jsonl` input.</summary>
internal sealed record ArticleInput(string? Id, string? Title, string? Summary);

using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Cli;

/// <summary>`newswatch eval` as a user runs it on a labelled file of their own.</summary>
public sealed class EvalCommandTests
{
    private readonly NewsWatchProcess _newswatch = new(new Dictionary<string, string>());

    [Fact]
    public async Task Eval_LabelledFileWithABadLine_PrintsFiguresAndMissesAndSaysSo()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            new JsonObject
            {
                ["id"] = "seed", ["title"] = null, ["label"] = "relevant", ["category"] = "negotiation",
                ["summary"] = "Russia has lifted its embargo on Pakistan and is negotiating the sale of Mi-35 attack helicopters to Islamabad.",
                ["supplier"] = "Russia", ["recipient"] = "Pakistan", ["weapon_system"] = "Mi-35 attack helicopters", ["stage"] = "negotiating",
            }.ToJsonString(),
            new JsonObject { ["id"] = "weather", ["label"] = "relevant", ["category"] = "sale", ["summary"] = "It rained in Paris on Tuesday." }.ToJsonString(),
            "{ broken",
        ]);

        var result = await _newswatch.RunAsync("eval", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}: line 3: not a JSON object", result.Error);
        Assert.Contains("relevance: precision 1.000  recall 0.500", result.Output);
        Assert.Contains("supplier   1.000 (1/1)", result.Output);
        Assert.Contains("weather missed [sale]", result.Output);
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsWithAClearError()
    {
        var result = await _newswatch.RunAsync("eval", "/nonexistent/news.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file: /nonexistent/news.jsonl", result.Error);
    }
}

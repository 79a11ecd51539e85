using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Cli;

/// <summary>`newswatch classify` as a user runs it; it needs no storage.</summary>
public sealed class ClassifyCommandTests
{
    private const string Seed = "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of a number of Mi-35 attack helicopters to Islamabad.";

    private readonly NewsWatchProcess _newswatch = new(new Dictionary<string, string>());

    [Fact]
    public async Task Classify_SeedText_PrintsTheFactsAndEvidence()
    {
        var result = await _newswatch.RunAsync("classify", Seed);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("relevant: yes", result.Output);
        Assert.Contains("Russia → Pakistan", result.Output);
        Assert.Contains("Mi-35 (aircraft)", result.Output);
        Assert.Contains("stage: negotiating", result.Output);
    }

    [Fact]
    public async Task Classify_SeedText_HighlightsTheEvidenceInTheSentence()
    {
        var result = await _newswatch.RunAsync("classify", Seed);

        Assert.Contains("evidence: \"«Russia» has «lifted an embargo» on «weapons deliveries» to «Pakistan» and is «negotiating the sale» of a number of «Mi-35» «attack helicopters» to «Islamabad».\"", result.Output);
    }

    [Fact]
    public async Task ClassifyJson_SeedText_PrintsTheDealRecordWithCodesAndOffsets()
    {
        var result = await _newswatch.RunAsync("classify", "--json", Seed + " The deal is worth $150 million.");

        Assert.Equal(0, result.ExitCode);
        var record = JsonNode.Parse(result.Output)!;
        Assert.Equal(("RU", "PK"), ((string?)record["supplierCode"], (string?)record["recipientCode"]));
        Assert.Equal((150_000_000m, "USD"), ((decimal)record["valueAmount"]!, (string?)record["currency"]));
        var mi35 = Assert.Single(record["evidence"]!.AsArray(), e => (string?)e!["text"] == "Mi-35")!;
        Assert.Equal(Seed.IndexOf("Mi-35", StringComparison.Ordinal), (int)mi35["start"]!);
    }

    [Fact]
    public async Task ClassifyJsonl_GoodAndBadLines_OneJsonLinePerGoodLineAndTheBadOneReported()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            new JsonObject { ["id"] = "seed", ["title"] = "Russia lifts arms embargo on Pakistan", ["summary"] = Seed }.ToJsonString(),
            "{ this line is broken",
            new JsonObject { ["id"] = "crash", ["title"] = "Helicopter crash", ["summary"] = "A Pakistani army Mi-17 helicopter crashed during a training flight, killing four crew." }.ToJsonString(),
        ]);

        var result = await _newswatch.RunAsync("classify", "--jsonl", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:2: not a JSON object", result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);

        var seed = lines[0];
        Assert.Equal("seed", (string?)seed["id"]);
        Assert.True((bool)seed["relevant"]!);
        Assert.InRange((double)seed["score"]!, 0.5, 1.0);
        Assert.Equal("negotiating", (string?)seed["stage"]);
        Assert.Equal("Russia", (string?)seed["supplier"]);
        Assert.Equal("Pakistan", (string?)seed["recipient"]);
        var system = Assert.Single(seed["systems"]!.AsArray(), s => (string?)s!["name"] == "Mi-35")!;
        Assert.Equal("aircraft", (string?)system["category"]);
        Assert.True(system.AsObject().ContainsKey("quantity"));
        Assert.NotEmpty(seed["evidence"]!.AsArray());

        var crash = lines[1];
        Assert.Equal("crash", (string?)crash["id"]);
        Assert.False((bool)crash["relevant"]!);
        Assert.True(crash.AsObject().ContainsKey("stage"));
    }

    [Fact]
    public async Task Classify_NoText_ExitsTwoWithAMessage()
    {
        var result = await _newswatch.RunAsync("classify", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to classify", result.Error);
    }
}

using System.Text.Json;

namespace NewsWatch.UnitTests.Classification.Language;

/// <summary>One request as the fake Language service received it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<string> DocumentIds =>
        [.. Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

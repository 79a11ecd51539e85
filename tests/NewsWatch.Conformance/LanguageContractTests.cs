using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using NewsWatch.Classification.Language;

namespace NewsWatch.Conformance;

/// <summary>
/// Contract tests of <see cref="LanguageClient"/> against the REST specification's own examples for
/// analyze-text 2023-04-01 (../shared/data/language, from Azure/azure-rest-api-specs). Each example's documents
/// go through the real client, over real HTTP, to a loopback server that answers with the example's response;
/// then both directions are checked against the example read as plain JSON (not through our types):
/// the request carries every field of the example's request with the same value, and nothing else but the
/// fields we deliberately add (stringIndexType); the response comes back in our types field for field.
/// </summary>
public sealed class LanguageContractTests
{
    private const string Key = "contract-test-key";

    [Fact]
    public void Manifest_ApiVersion20230401_HasTheEntityAndKeyPhraseExamples()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Examples(), "MANIFEST.json")))!;
        var kinds = manifest["files"]!.AsArray()
            .Where(f => (string?)f!["api_version"] == LanguageClient.ApiVersion)
            .Select(f => (string)f!["kind"]!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["EntityRecognition", "KeyPhraseExtraction"], kinds);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_SpecificationExample_RequestAndResponseMatchTheExample()
    {
        var example = Example("SuccessfulEntityRecognitionRequest.json");
        await using var server = await ExampleServer.StartAsync(example.ResponseBody.ToJsonString());

        var results = await Client(server).RecognizeEntitiesAsync(example.Documents, default);

        example.AssertRequest(Assert.Single(server.Requests), new Dictionary<string, string> { ["$.parameters.stringIndexType"] = "Utf16CodeUnit" });
        var expected = example.ResponseBody["results"]!;
        Assert.Equal((string)expected["modelVersion"]!, results.ModelVersion);
        Assert.Equal(expected["errors"]!.AsArray().Count, results.Errors.Count);
        var documents = expected["documents"]!.AsArray();
        Assert.Equal(documents.Select(d => (string)d!["id"]!), results.Documents.Select(d => d.Id));
        foreach (var (want, got) in documents.Zip(results.Documents))
        {
            var entities = want!["entities"]!.AsArray().Select(e => new LanguageEntity(
                (string)e!["text"]!, (string)e["category"]!, (string?)e["subcategory"], (int)e["offset"]!, (int)e["length"]!, (double)e["confidenceScore"]!));
            Assert.Equal(entities, got.Entities);
            Assert.Equal(want["warnings"]!.AsArray().Count, got.Warnings.Count);

            // Utf16CodeUnit offsets index the .NET string of the document that was sent.
            var text = example.Documents.Single(d => d.Id == got.Id).Text;
            Assert.All(got.Entities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
        }
    }

    [Fact]
    public async Task ExtractKeyPhrasesAsync_SpecificationExample_RequestAndResponseMatchTheExample()
    {
        var example = Example("SuccessfulKeyPhraseExtractionRequest.json");
        await using var server = await ExampleServer.StartAsync(example.ResponseBody.ToJsonString());

        var results = await Client(server).ExtractKeyPhrasesAsync(example.Documents, default);

        example.AssertRequest(Assert.Single(server.Requests), new Dictionary<string, string>());
        var expected = example.ResponseBody["results"]!;
        Assert.Equal((string)expected["modelVersion"]!, results.ModelVersion);
        Assert.Equal(expected["errors"]!.AsArray().Count, results.Errors.Count);
        var documents = expected["documents"]!.AsArray();
        Assert.Equal(documents.Select(d => (string)d!["id"]!), results.Documents.Select(d => d.Id));
        foreach (var (want, got) in documents.Zip(results.Documents))
        {
            Assert.Equal(want!["keyPhrases"]!.AsArray().Select(p => (string)p!), got.KeyPhrases);
            Assert.Equal(want["warnings"]!.AsArray().Count, got.Warnings.Count);
        }
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_ExampleResponseWithARenamedField_IsRefused()
    {
        var example = Example("SuccessfulEntityRecognitionRequest.json");
        var renamed = example.ResponseBody.ToJsonString().Replace("\"confidenceScore\"", "\"confidence\"", StringComparison.Ordinal);
        await using var server = await ExampleServer.StartAsync(renamed);

        await Assert.ThrowsAsync<JsonException>(() => Client(server).RecognizeEntitiesAsync(example.Documents, default));
    }

    [Fact]
    public void RequestComparison_MisnamedMissingOrExtraFields_AreReported()
    {
        var example = Example("SuccessfulEntityRecognitionRequest.json");
        var mutated = example.RequestBody.DeepClone().AsObject();
        var input = mutated["analysisInput"]!;
        mutated.Remove("analysisInput");
        mutated["analysisinput"] = input;
        mutated["parameters"]!.AsObject().Remove("modelVersion");
        mutated["parameters"]!["loggingOptOut"] = true;

        var problems = ExampleFile.Differences(example.RequestBody, mutated, new Dictionary<string, string>());

        Assert.Contains("$.analysisInput: missing", problems);
        Assert.Contains("$.parameters.modelVersion: missing", problems);
        Assert.Contains("$.analysisinput: not in the example", problems);
        Assert.Contains("$.parameters.loggingOptOut: not in the example", problems);
    }

    private static LanguageClient Client(ExampleServer server) =>
        new(server.BaseUri, new AzureKeyCredential(Key), new LanguageClientOptions { MaxRetries = 0 });

    private static string Examples()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSWATCH_LANGUAGE_EXAMPLES");
        var path = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(CorpusLocation.RepositoryRoot(), "..", "shared", "data", "language")) : configured;
        if (!File.Exists(Path.Combine(path, "MANIFEST.json")))
        {
            Assert.Fail($"The Language REST examples are missing: expected {path}/MANIFEST.json (set NEWSWATCH_LANGUAGE_EXAMPLES to its folder). Run this suite only where ../shared/data exists.");
        }

        return path;
    }

    private static ExampleFile Example(string name) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(Examples(), "stable-" + LanguageClient.ApiVersion, name)))!);

    /// <summary>One x-ms-examples file: parameters (api-version, body) and responses.200.body.</summary>
    private sealed class ExampleFile(JsonNode file)
    {
        public JsonNode RequestBody => file["parameters"]!["body"]!;

        public JsonNode ResponseBody => file["responses"]!["200"]!["body"]!;

        public IReadOnlyList<LanguageDocument> Documents =>
        [
            .. RequestBody["analysisInput"]!["documents"]!.AsArray()
                .Select(d => new LanguageDocument((string)d!["id"]!, (string)d["text"]!, (string?)d["language"])),
        ];

        public void AssertRequest(Recorded request, IReadOnlyDictionary<string, string> allowedExtras)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/language/:analyze-text", request.Url.AbsolutePath);
            Assert.Equal("?api-version=" + (string)file["parameters"]!["api-version"]!, request.Url.Query);
            Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
            Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Empty(Differences(RequestBody, JsonNode.Parse(request.Body)!, allowedExtras));
        }

        /// <summary>
        /// Every member of <paramref name="expected"/> must be in <paramref name="actual"/> with the same value
        /// (recursively, arrays element by element); a member only in <paramref name="actual"/> must be one of
        /// <paramref name="allowedExtras"/> (JSON path → value).
        /// </summary>
        public static List<string> Differences(JsonNode expected, JsonNode actual, IReadOnlyDictionary<string, string> allowedExtras)
        {
            var problems = new List<string>();
            Compare(expected, actual, "$", allowedExtras, problems);
            return problems;
        }

        private static void Compare(JsonNode? expected, JsonNode? actual, string path, IReadOnlyDictionary<string, string> allowed, List<string> problems)
        {
            switch (expected, actual)
            {
                case (JsonObject want, JsonObject got):
                    foreach (var (name, value) in want)
                    {
                        if (got.TryGetPropertyValue(name, out var other))
                        {
                            Compare(value, other, $"{path}.{name}", allowed, problems);
                        }
                        else
                        {
                            problems.Add($"{path}.{name}: missing");
                        }
                    }

                    foreach (var (name, value) in got)
                    {
                        var member = $"{path}.{name}";
                        if (!want.ContainsKey(name) && !(allowed.TryGetValue(member, out var allowedValue) && value?.GetValueKind() == JsonValueKind.String && (string)value! == allowedValue))
                        {
                            problems.Add($"{member}: not in the example");
                        }
                    }

                    break;
                case (JsonArray want, JsonArray got) when want.Count == got.Count:
                    for (var i = 0; i < want.Count; i++)
                    {
                        Compare(want[i], got[i], $"{path}[{i}]", allowed, problems);
                    }

                    break;
                default:
                    if (!JsonNode.DeepEquals(expected, actual))
                    {
                        problems.Add($"{path}: expected {expected?.ToJsonString()}, sent {actual?.ToJsonString()}");
                    }

                    break;
            }
        }
    }
}

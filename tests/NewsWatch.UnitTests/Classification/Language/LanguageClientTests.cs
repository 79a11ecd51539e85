using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core.Pipeline;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class LanguageClientTests
{
    private static readonly Uri Endpoint = new("https://newswatch-test.cognitiveservices.azure.com/");

    private static LanguageClient KeyClient(FakeLanguageService service, Action<LanguageClientOptions>? configure = null) =>
        new(Endpoint, new AzureKeyCredential("test-key"), Options(service, configure));

    private static LanguageClientOptions Options(FakeLanguageService service, Action<LanguageClientOptions>? configure)
    {
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(service) };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_TwoDocuments_PostsAnalyzeTextWithUtf16OffsetsAndTheDocuments()
    {
        var service = new FakeLanguageService();

        await KeyClient(service).RecognizeEntitiesAsync([new("1", "Russia sells Mi-35s.", "en"), new("2", "Pakistan buys.")], default);

        var request = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://newswatch-test.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", request.Uri.AbsoluteUri);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {"kind":"EntityRecognition","parameters":{"modelVersion":"latest","stringIndexType":"Utf16CodeUnit"},
             "analysisInput":{"documents":[{"id":"1","text":"Russia sells Mi-35s.","language":"en"},{"id":"2","text":"Pakistan buys."}]}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task ExtractKeyPhrasesAsync_Document_SendsKeyPhraseKindWithoutStringIndexType()
    {
        var service = new FakeLanguageService();

        await KeyClient(service).ExtractKeyPhrasesAsync([new("a", "Twelve VX-42 fighter jets.", "en")], default);

        var expected = JsonNode.Parse("""
            {"kind":"KeyPhraseExtraction","parameters":{"modelVersion":"latest"},
             "analysisInput":{"documents":[{"id":"a","text":"Twelve VX-42 fighter jets.","language":"en"}]}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Assert.Single(service.Requests).Body)));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_Response_ParsedIntoEntitiesWithModelVersionAndErrors()
    {
        var service = new FakeLanguageService();
        service.Then(HttpStatusCode.OK, """
            {"kind":"EntityRecognitionResults","results":{
              "documents":[{"id":"1","entities":[{"text":"Islamabad","category":"Location","subcategory":"GPE","offset":7,"length":9,"confidenceScore":0.93},
                                                 {"text":"Rostec","category":"Organization","offset":0,"length":6,"confidenceScore":0.8}],
                            "warnings":[{"code":"LongWordsInDocument","message":"long words"}],"statistics":{"charactersCount":3,"transactionsCount":1}}],
              "errors":[{"id":"2","error":{"code":"InvalidArgument","message":"Document text is empty.","innererror":{"code":"InvalidDocument","message":"x"}}}],
              "modelVersion":"2021-06-01","somethingNew":true}}
            """);

        var results = await KeyClient(service).RecognizeEntitiesAsync([new("1", "Rostec Islamabad"), new("2", " ")], default);

        var document = Assert.Single(results.Documents);
        Assert.Equal("1", document.Id);
        Assert.Equal(
            [new LanguageEntity("Islamabad", "Location", "GPE", 7, 9, 0.93), new LanguageEntity("Rostec", "Organization", null, 0, 6, 0.8)],
            document.Entities);
        Assert.Equal([new LanguageWarning("LongWordsInDocument", "long words")], document.Warnings);
        Assert.Equal([new LanguageDocumentError("2", "InvalidArgument", "Document text is empty.")], results.Errors);
        Assert.Equal("2021-06-01", results.ModelVersion);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_ResponseMissingARequiredField_ThrowsJsonException()
    {
        var service = new FakeLanguageService();
        service.Then(HttpStatusCode.OK, """
            {"kind":"EntityRecognitionResults","results":{"documents":[{"id":"1","entities":[{"text":"X","category":"Person","offset":0,"confidenceScore":0.9}],"warnings":[]}],"errors":[],"modelVersion":"m"}}
            """);

        await Assert.ThrowsAsync<JsonException>(() => KeyClient(service).RecognizeEntitiesAsync([new("1", "X")], default));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_ResponseOfAnotherKind_ThrowsJsonException()
    {
        var service = new FakeLanguageService();
        service.Then(HttpStatusCode.OK, """{"kind":"KeyPhraseExtractionResults","results":{"documents":[],"errors":[],"modelVersion":"m"}}""");

        await Assert.ThrowsAsync<JsonException>(() => KeyClient(service).RecognizeEntitiesAsync([new("1", "X")], default));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_TwelveDocuments_SendsBatchesOfAtMostFiveAndKeepsInputOrder()
    {
        var service = new FakeLanguageService();
        var documents = Enumerable.Range(1, 12).Select(i => new LanguageDocument(i.ToString(CultureInfo.InvariantCulture), $"Text {i}.")).ToList();

        var results = await KeyClient(service).RecognizeEntitiesAsync(documents, default);

        Assert.Equal([5, 5, 2], service.Requests.Select(r => r.DocumentIds.Count));
        Assert.Equal(documents.Select(d => d.Id), service.Requests.SelectMany(r => r.DocumentIds));
        Assert.Equal(documents.Select(d => d.Id), results.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_DocumentOverTheTextElementLimit_SplitsItAndMapsOffsetsBackToTheWholeText()
    {
        var service = new FakeLanguageService
        {
            // Each part: one entity on its last "Karachi".
            Default = FakeLanguageService.Results((id, text) => new JsonObject
            {
                ["id"] = id,
                ["entities"] = new JsonArray(new JsonObject
                {
                    ["text"] = "Karachi", ["category"] = "Location", ["subcategory"] = "GPE",
                    ["offset"] = text.LastIndexOf("Karachi", StringComparison.Ordinal), ["length"] = "Karachi".Length, ["confidenceScore"] = 0.9,
                }),
                ["warnings"] = new JsonArray(),
            }),
        };
        var text = string.Concat(Enumerable.Repeat("ships sail to Karachi ", 400)); // 8,800 text elements

        var results = await KeyClient(service).RecognizeEntitiesAsync([new("long", text, "en")], default);

        var request = Assert.Single(service.Requests);
        Assert.Equal(["long#1", "long#2"], request.DocumentIds);
        var parts = request.Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("text").GetString()!).ToList();
        Assert.All(parts, p => Assert.InRange(new StringInfo(p).LengthInTextElements, 1, 5120));
        Assert.Equal(text, string.Concat(parts));
        Assert.EndsWith(" ", parts[0], StringComparison.Ordinal); // cut between words, not inside "Karachi"
        var entities = Assert.Single(results.Documents).Entities;
        Assert.Equal(2, entities.Count);
        Assert.All(entities, e => Assert.Equal("Karachi", text.Substring(e.Offset, e.Length)));
        Assert.True(entities[1].Offset > parts[0].Length);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_CombiningMarks_CountsTextElementsNotCodeUnits()
    {
        var service = new FakeLanguageService();
        var accented = string.Concat(Enumerable.Repeat("e\u0301", 5120)); // 5,120 text elements, 10,240 UTF-16 code units

        await KeyClient(service).RecognizeEntitiesAsync([new("fits", accented), new("over", accented + "e")], default);

        Assert.Equal(["fits", "over#1", "over#2"], Assert.Single(service.Requests).DocumentIds);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_WithKey_SendsSubscriptionKeyHeaderAndNoBearerToken()
    {
        var service = new FakeLanguageService();

        await KeyClient(service).RecognizeEntitiesAsync([new("1", "x")], default);

        var request = Assert.Single(service.Requests);
        Assert.Equal("test-key", request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_WithTokenCredential_SendsBearerTokenForTheCognitiveServicesScope()
    {
        var service = new FakeLanguageService();
        var credential = new FakeTokenCredential();
        var client = new LanguageClient(Endpoint, credential, Options(service, null));

        await client.RecognizeEntitiesAsync([new("1", "x")], default);

        var request = Assert.Single(service.Requests);
        Assert.Equal("Bearer " + FakeTokenCredential.Token, request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_DuplicateIds_ThrowsArgumentException()
    {
        var service = new FakeLanguageService();

        await Assert.ThrowsAsync<ArgumentException>(() => KeyClient(service).RecognizeEntitiesAsync([new("1", "a"), new("1", "b")], default));
        Assert.Empty(service.Requests);
    }
}

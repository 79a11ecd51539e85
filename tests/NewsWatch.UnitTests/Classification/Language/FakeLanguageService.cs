using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWatch.UnitTests.Classification.Language;

/// <summary>
/// A hand-written analyze-text service behind an <see cref="HttpMessageHandler"/> (no network): records each
/// request, then answers with the next scripted response, or by default with an empty result for every
/// document it was sent (echoing their ids and the task's result kind).
/// </summary>
internal sealed class FakeLanguageService(TimeProvider? time = null) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, HttpResponseMessage> Default { get; set; } = EmptyResults;

    public void Then(Func<RecordedRequest, HttpResponseMessage> respond) => _script.Enqueue(respond);

    public void Then(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        Then(_ => Respond(status, body, headers));

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>200 with, for each document sent, what <paramref name="documentFor"/> makes of its id and text.</summary>
    public static Func<RecordedRequest, HttpResponseMessage> Results(Func<string, string, JsonObject> documentFor) => request =>
    {
        var kind = request.Json.GetProperty("kind").GetString();
        var documents = new JsonArray();
        foreach (var document in request.Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray())
        {
            documents.Add(documentFor(document.GetProperty("id").GetString()!, document.GetProperty("text").GetString()!));
        }

        var body = new JsonObject
        {
            ["kind"] = kind + "Results",
            ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = new JsonArray(), ["modelVersion"] = "2023-04-15" },
        };
        return Respond(HttpStatusCode.OK, body.ToJsonString());
    };

    private static HttpResponseMessage EmptyResults(RecordedRequest request) =>
        Results((id, _) => request.Json.GetProperty("kind").GetString() == "KeyPhraseExtraction"
            ? new JsonObject { ["id"] = id, ["keyPhrases"] = new JsonArray(), ["warnings"] = new JsonArray() }
            : new JsonObject { ["id"] = id, ["entities"] = new JsonArray(), ["warnings"] = new JsonArray() })(request);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, (time ?? TimeProvider.System).GetUtcNow());
        Requests.Enqueue(recorded);
        return _script.TryDequeue(out var respond) ? respond(recorded) : Default(recorded);
    }
}

using System.Net;

namespace NewsWatch.UnitTests.Fakes;

/// <summary>Answers requests from an in-memory map of path → response, with no network.</summary>
internal sealed class FileHttpHandler : HttpMessageHandler
{
    public Dictionary<string, Func<HttpResponseMessage>> Responses { get; } = [];

    public List<HttpRequestMessage> Requests { get; } = [];

    public void Serve(string path, byte[] body, string contentType) =>
        Responses[path] = () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", contentType } } },
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(Responses.TryGetValue(request.RequestUri!.AbsolutePath, out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound) { ReasonPhrase = "Not Found" });
    }
}

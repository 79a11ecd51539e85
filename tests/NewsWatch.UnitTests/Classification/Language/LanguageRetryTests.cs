using System.Diagnostics;
using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class LanguageRetryTests
{
    private const string QuotaBody = """{"error":{"code":"403","message":"Out of call volume quota for TextAnalytics F0 pricing tier. Please retry after 15 days. To increase your call volume switch to a paid tier."}}""";
    private const string ThrottledBody = """{"error":{"code":"TooManyRequests","message":"Rate limit is exceeded. Try again in 2 seconds."}}""";

    private static readonly Uri Endpoint = new("https://newswatch-test.cognitiveservices.azure.com");

    private static LanguageClient Client(FakeLanguageService service, TimeProvider time) =>
        new(Endpoint, new AzureKeyCredential("k"), new LanguageClientOptions { Transport = new HttpClientTransport(service), TimeProvider = time });

    /// <summary>Runs <paramref name="call"/> while moving the fake clock on in small steps, as real time would.</summary>
    private static async Task<T> WithClockRunning<T>(FakeTimeProvider time, Task<T> call)
    {
        var guard = Stopwatch.StartNew();
        while (!call.IsCompleted && guard.Elapsed < TimeSpan.FromSeconds(20))
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }

        return await call;
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_429WithRetryAfter_RetriesOnceThatDelayHasPassed()
    {
        var time = new FakeTimeProvider();
        var service = new FakeLanguageService(time);
        service.Then(HttpStatusCode.TooManyRequests, ThrottledBody, ("Retry-After", "2"));

        var results = await WithClockRunning(time, Client(service, time).RecognizeEntitiesAsync([new("1", "x")], default));

        Assert.Single(results.Documents);
        var requests = service.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(2), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_429WithRetryAfterOneSecond_WaitsOnTheSystemClock()
    {
        var service = new FakeLanguageService();
        service.Then(HttpStatusCode.TooManyRequests, ThrottledBody, ("Retry-After", "1"));

        await Client(service, TimeProvider.System).RecognizeEntitiesAsync([new("1", "x")], default);

        var requests = service.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(990), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_403QuotaExhaustedWithRetryAfter_ThrowsAtOnceWithoutRetrying()
    {
        var time = new FakeTimeProvider(); // never advanced: any wait would hang until the guard below
        var service = new FakeLanguageService(time);
        service.Then(HttpStatusCode.Forbidden, QuotaBody, ("Retry-After", "1296000"));

        var call = Client(service, time).RecognizeEntitiesAsync([new("1", "x")], default);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(403, failure.Status);
        Assert.Equal("403", failure.ErrorCode);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_429AskingLongerThanMaxRetryDelay_ThrowsWithoutWaiting()
    {
        var time = new FakeTimeProvider();
        var service = new FakeLanguageService(time);
        service.Then(HttpStatusCode.TooManyRequests, ThrottledBody, ("Retry-After", "60"));

        var call = Client(service, time).RecognizeEntitiesAsync([new("1", "x")], default);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(429, failure.Status);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_503ThenSuccess_RetriesAfterBackoff()
    {
        var time = new FakeTimeProvider();
        var service = new FakeLanguageService(time);
        service.Then(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""");

        await WithClockRunning(time, Client(service, time).RecognizeEntitiesAsync([new("1", "x")], default));

        var requests = service.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task RecognizeEntitiesAsync_429BeyondMaxRetries_ThrowsAfterThreeTries()
    {
        var time = new FakeTimeProvider();
        var service = new FakeLanguageService(time) { Default = _ => FakeLanguageService.Respond(HttpStatusCode.TooManyRequests, ThrottledBody, ("Retry-After", "1")) };

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => WithClockRunning(time, Client(service, time).RecognizeEntitiesAsync([new("1", "x")], default)));

        Assert.Equal(429, failure.Status);
        Assert.Equal(3, service.Requests.Count); // the first try and MaxRetries = 2
    }

    [Theory]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("Retry-After", "0.5", 500)]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("x-ms-retry-after-ms", "1500", 1500)]
    [InlineData("Retry-After", "Sun, 06 Nov 1994 08:49:47 GMT", 10000)]
    public void ServerDelay_RetryAfterForms_ReadAsTheDelayAsked(string header, string value, int expectedMilliseconds)
    {
        var now = new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero);

        var delay = LanguageRetryPolicy.ServerDelay(new FakeResponse(429, (header, value)), now);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    public void ServerDelay_UnreadableRetryAfter_Null(string value) =>
        Assert.Null(LanguageRetryPolicy.ServerDelay(new FakeResponse(429, ("Retry-After", value)), DateTimeOffset.UnixEpoch));
}

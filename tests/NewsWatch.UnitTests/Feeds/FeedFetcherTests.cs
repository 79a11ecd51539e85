using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsWatch.Feeds;
using NewsWatch.UnitTests.Fakes;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedFetcherTests
{
    private readonly FileHttpHandler _handler = new();

    private FeedFetcher Fetcher(int maxBytes = 1024) =>
        new(new HttpClient(_handler), Options.Create(new FeedsOptions { MaxFeedBytes = maxBytes }));

    [Fact]
    public async Task Fetch_Feed_ReturnsBytesAndContentType()
    {
        _handler.Serve("/rss.xml", Encoding.UTF8.GetBytes("<rss/>"), "application/rss+xml; charset=utf-8");

        var fetched = await Fetcher().FetchAsync(new Uri("https://news.example/rss.xml"), null, null, default);

        Assert.Equal("<rss/>", Encoding.UTF8.GetString(fetched.Content));
        Assert.Equal("application/rss+xml; charset=utf-8", fetched.ContentType);
        Assert.Contains("application/rss+xml", _handler.Requests.Single().Headers.Accept.ToString());
    }

    [Fact]
    public async Task Fetch_NotFound_ThrowsWithTheStatus()
    {
        var error = await Assert.ThrowsAsync<FeedFetchException>(() => Fetcher().FetchAsync(new Uri("https://news.example/missing.xml"), null, null, default));

        Assert.Equal("HTTP 404 Not Found", error.Message);
    }

    [Fact]
    public async Task Fetch_BodyOverTheLimit_ThrowsInsteadOfReadingOn()
    {
        _handler.Responses["/huge.xml"] = () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            // No Content-Length: the limit must hold while streaming.
            Content = new StreamContent(new MemoryStream(new byte[4096])),
        };

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => Fetcher(maxBytes: 1024).FetchAsync(new Uri("https://news.example/huge.xml"), null, null, default));

        Assert.Contains("1024-byte limit", error.Message);
    }

    [Fact]
    public async Task Fetch_ConnectionFails_ThrowsFeedFetchExceptionNamingTheHost()
    {
        _handler.Responses["/down.xml"] = () => throw new HttpRequestException("Connection refused");

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => Fetcher().FetchAsync(new Uri("https://down.example/down.xml"), null, null, default));

        Assert.Equal("could not reach down.example: Connection refused", error.Message);
    }
}

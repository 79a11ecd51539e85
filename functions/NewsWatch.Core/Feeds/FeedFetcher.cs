using System.Net;
using Microsoft.Extensions.Options;

namespace NewsWatch.Feeds;

/// <summary>Fetches feed documents over HTTP (typed client: resilience and the address guard are in its handlers).</summary>
public sealed class FeedFetcher(HttpClient http, IOptions<FeedsOptions> options)
{
    private readonly int _maxBytes = options.Value.MaxFeedBytes;

    public async Task<FetchedFeed> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedFetchException($"could not reach {url.Host}: {ex.Message}", ex);
        }
        catch (TimeoutException ex)
        {
            throw new FeedFetchException($"{url.Host} did not answer in time", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException($"{url.Host} did not answer in time", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedFetchException($"HTTP {(int)response.StatusCode} {ReasonOf(response)}");
            }

            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                throw new FeedFetchException($"feed is {response.Content.Headers.ContentLength} bytes, over the {_maxBytes}-byte limit");
            }

            var content = await ReadBoundedAsync(response.Content, cancellationToken);
            return new FetchedFeed(url, content, response.Content.Headers.ContentType?.ToString());
        }
    }

    private static string ReasonOf(HttpResponseMessage response) =>
        response.ReasonPhrase ?? (Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : "");

    // Content-Length can be absent or wrong (chunked, compressed), so the limit is enforced while reading.
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                throw new FeedFetchException($"feed is over the {_maxBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The primary handler: decompression, and a connect-time address check, so a feed URL
    /// (or a redirect, or a DNS answer that changed since) can never reach loopback, link-local
    /// (cloud metadata) or private addresses from Azure.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(FeedsOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) =>
            FeedAddressGuard.ConnectAsync(context, options.AllowLoopback, cancellationToken),
    };
}

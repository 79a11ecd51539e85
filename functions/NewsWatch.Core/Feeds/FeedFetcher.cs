using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace NewsWatch.Feeds;

/// <summary>
/// Fetches feed documents politely and defensively (typed client): conditional GET, redirects
/// followed by hand (so permanent moves are seen and every hop passes the address guard), a
/// deadline over the whole exchange including a slow body, a size limit enforced while
/// reading the decompressed stream, and a cap on concurrent fetches per host.
/// </summary>
public sealed class FeedFetcher(HttpClient http, IOptions<FeedsOptions> options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> PerHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly FeedsOptions _options = options.Value;

    public async Task<FeedResponse> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        var gate = PerHost.GetOrAdd(url.Host, _ => new SemaphoreSlim(_options.MaxFetchesPerHost));
        await gate.WaitAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.FetchTimeout);
        try
        {
            return await FollowAsync(url, etag, lastModified, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException($"{url.Host} did not send the feed within {_options.FetchTimeout.TotalSeconds:0} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedFetchException($"could not reach {url.Host}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            // The connection broke while the body was arriving (or decompression found garbage).
            throw new FeedFetchException($"the answer from {url.Host} broke off: {ex.Message}", ex);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FeedResponse> FollowAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        var current = url;
        Uri? movedTo = null;
        var permanentSoFar = true;
        var visited = new HashSet<Uri> { url };
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5");
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (lastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                var next = NextHop(current, response, hop, visited);
                permanentSoFar &= status is 301 or 308;
                movedTo = permanentSoFar ? next : movedTo;
                current = next;
                continue;
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return FeedResponse.NotModified(movedTo);
                case HttpStatusCode.Gone:
                    return FeedResponse.Gone(movedTo);
                case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                    throw new FeedFetchException($"HTTP {status} {ReasonOf(response)}") { RetryAfter = RetryAfterOf(response) };
                case var _ when !response.IsSuccessStatusCode:
                    throw new FeedFetchException($"HTTP {status} {ReasonOf(response)}");
            }

            var content = await ReadBoundedAsync(response.Content, cancellationToken);
            return new FeedResponse(
                FeedResponseKind.Fetched,
                content,
                response.Content.Headers.ContentType?.ToString(),
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("r", CultureInfo.InvariantCulture),
                movedTo);
        }
    }

    private Uri NextHop(Uri current, HttpResponseMessage response, int hop, HashSet<Uri> visited)
    {
        if (hop >= _options.MaxRedirects)
        {
            throw new FeedFetchException($"more than {_options.MaxRedirects} redirects");
        }

        var location = response.Headers.Location ?? throw new FeedFetchException($"HTTP {(int)response.StatusCode} without a Location");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new FeedFetchException($"redirected to {next.Scheme}:, but feeds are fetched over http or https");
        }

        if (!visited.Add(next))
        {
            throw new FeedFetchException($"redirect loop at {next}");
        }

        return next;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string ReasonOf(HttpResponseMessage response) =>
        response.ReasonPhrase ?? (Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : "");

    // Content-Length can be absent or wrong (chunked, compressed), so the limit is enforced on
    // the decompressed bytes as they arrive: a 50 MB body or a gzip bomb stops at the limit.
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _options.MaxFeedBytes)
        {
            throw new FeedFetchException($"feed is {content.Headers.ContentLength} bytes, over the {_options.MaxFeedBytes}-byte limit");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxFeedBytes)
            {
                throw new FeedFetchException($"feed is over the {_options.MaxFeedBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The primary handler: gzip, deflate and brotli, no automatic redirects (followed above),
    /// and a connect-time address check, so a feed URL, a redirect or a DNS answer that changed
    /// since can never reach loopback, link-local (cloud metadata) or private addresses.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(FeedsOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,

        // Through a proxy, the guard below would check the proxy's address, not the feed's.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = options.FetchTimeout,
        ConnectCallback = (context, cancellationToken) =>
            FeedAddressGuard.ConnectAsync(context, options.AllowLoopback, cancellationToken),
    };
}

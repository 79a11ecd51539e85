using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsWatch.Benchmarks;

/// <summary>
/// An in-process Kestrel server answering for many feeds on many loopback hosts (127.0.0.1,
/// 127.0.0.2, ...: Linux routes all of 127.0.0.0/8 to lo), each response after a fixed
/// latency. Feeds carry an ETag; a request whose If-None-Match matches gets 304. Response
/// body bytes are counted here, on the server side.
/// </summary>
public sealed class SyntheticFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private readonly bool _gzip;
    private readonly FeedVersion[] _current;
    private readonly FeedVersion[] _changed;
    private long _bodyBytes;
    private int _ok;
    private int _notModified;

    private sealed record FeedVersion(string ETag, byte[] Body, byte[] Gzipped);

    private SyntheticFeedServer(WebApplication app, int feeds, int items, TimeSpan latency, bool gzip)
    {
        _app = app;
        _latency = latency;
        _gzip = gzip;
        _current = new FeedVersion[feeds];
        _changed = new FeedVersion[feeds];
        for (var i = 0; i < feeds; i++)
        {
            _current[i] = Version(i, 1, items);
            _changed[i] = Version(i, 2, items);
        }
    }

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public int Ok => Volatile.Read(ref _ok);

    public int NotModified => Volatile.Read(ref _notModified);

    /// <summary>Average size of one feed document as served (before compression).</summary>
    public double AverageFeedBytes => _current.Average(v => v.Body.Length);

    public double AverageGzippedBytes => _current.Average(v => v.Gzipped.Length);

    public static async Task<SyntheticFeedServer> StartAsync(int feeds, int hosts, int items, TimeSpan latency, bool gzip)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            for (var h = 1; h <= hosts; h++)
            {
                kestrel.Listen(new IPAddress([127, 0, (byte)(h / 256), (byte)(h % 256)]), 0);
            }
        });
        var app = builder.Build();
        var server = new SyntheticFeedServer(app, feeds, items, latency, gzip);
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .ToDictionary(u => u.Host, u => u.Port, StringComparer.Ordinal);
        var urls = new Uri[feeds];
        for (var i = 0; i < feeds; i++)
        {
            // Neighbouring feeds live on different hosts, as in a real feed list.
            var h = (i % hosts) + 1;
            var host = $"127.0.{h / 256}.{h % 256}";
            urls[i] = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{ports[host]}/feeds/{i}.xml"));
        }

        server.Urls = urls;
        return server;
    }

    /// <summary>The share of feeds (every k-th) that publish a new item: their ETag changes.</summary>
    public void Publish(double share)
    {
        var every = (int)Math.Round(1 / share);
        for (var i = 0; i < _current.Length; i += every)
        {
            _current[i] = _changed[i];
        }
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _bodyBytes, 0);
        Interlocked.Exchange(ref _ok, 0);
        Interlocked.Exchange(ref _notModified, 0);
    }

    private async Task HandleAsync(HttpContext context)
    {
        await Task.Delay(_latency, context.RequestAborted);
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/feeds/", StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(7, path.Length - 7 - ".xml".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || id < 0 || id >= _current.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var feed = _current[id];
        context.Response.Headers.ETag = feed.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(feed.ETag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            Interlocked.Increment(ref _notModified);
            return;
        }

        var gzip = _gzip && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var body = gzip ? feed.Gzipped : feed.Body;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        context.Response.ContentLength = body.Length;
        Interlocked.Increment(ref _ok);
        Interlocked.Add(ref _bodyBytes, body.Length);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>An RSS 2.0 document of <paramref name="items"/> items; version 2 has one new item on top.</summary>
    private static FeedVersion Version(int feed, int version, int items)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>Defence wire {feed}</title>
            <link>https://wire{feed}.example/</link>
            <description>Procurement and export news, feed {feed}</description>
            <language>en</language>

            """);
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var first = version == 2 ? items : items - 1;
        for (var n = first; n > first - items; n--)
        {
            var published = start.AddHours(n * 3).ToString("r", CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item>
                <title>Ministry signs contract for {n + 4} armoured vehicles (story {feed}-{n})</title>
                <link>https://wire{feed}.example/news/{n}</link>
                <guid isPermaLink="true">https://wire{feed}.example/news/{n}</guid>
                <pubDate>{published}</pubDate>
                <dc:creator>Desk {n % 7}</dc:creator>
                <description>&lt;p&gt;The defence ministry said on Tuesday it had signed a contract worth an undisclosed sum for {n + 4} wheeled armoured vehicles, with deliveries expected over three years. Officials said negotiations on a follow-on order for air-defence systems were continuing, and that an export licence had been granted by the supplier's government.&lt;/p&gt;</description>
                </item>

                """);
        }

        xml.Append("</channel>\n</rss>\n");
        var body = Encoding.UTF8.GetBytes(xml.ToString());
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return new FeedVersion(string.Create(CultureInfo.InvariantCulture, $"\"f{feed}-v{version}\""), body, compressed.ToArray());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

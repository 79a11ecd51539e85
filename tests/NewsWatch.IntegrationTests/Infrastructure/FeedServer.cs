using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>Serves feed files from Fixtures/feeds, and whatever a test puts in <see cref="Routes"/>.</summary>
public sealed class FeedServer : LocalHttpServer
{
    public ConcurrentDictionary<string, (string ContentType, string Body)> Routes { get; } = new();

    /// <summary>Paths answered by a test's own code (status codes, slow bodies, redirects...).</summary>
    public ConcurrentDictionary<string, Func<HttpContext, Task>> Handlers { get; } = new();

    /// <summary>Every request as (path, If-None-Match, If-Modified-Since), in arrival order.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince)> Requests { get; } = new();

    public static async Task<FeedServer> StartWithFixturesAsync()
    {
        var server = new FeedServer();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds")))
        {
            var type = Path.GetExtension(file) == ".atom" ? "application/atom+xml" : "application/rss+xml";
            server.Routes["/" + Path.GetFileName(file)] = (type + "; charset=utf-8", await File.ReadAllTextAsync(file));
        }

        await server.StartAsync();
        return server;
    }

    public Uri UrlOf(string file) => new(BaseUrl, file);

    protected override void Map(WebApplication app) => app.Run(async context =>
    {
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue((path, context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.IfModifiedSince.FirstOrDefault()));
        if (Handlers.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }

        if (Routes.TryGetValue(path, out var route))
        {
            context.Response.ContentType = route.ContentType;
            await context.Response.WriteAsync(route.Body);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    });
}

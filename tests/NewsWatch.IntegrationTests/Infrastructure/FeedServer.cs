using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>Serves feed files from Fixtures/feeds, and whatever a test puts in <see cref="Routes"/>.</summary>
public sealed class FeedServer : LocalHttpServer
{
    public ConcurrentDictionary<string, (string ContentType, string Body)> Routes { get; } = new();

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
        if (Routes.TryGetValue(context.Request.Path.Value ?? "", out var route))
        {
            context.Response.ContentType = route.ContentType;
            await context.Response.WriteAsync(route.Body);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    });
}

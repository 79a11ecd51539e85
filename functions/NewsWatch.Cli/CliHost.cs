using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Cli;

/// <summary>The generic host each command runs in: the same AddNewsWatch() as the function app.</summary>
internal static class CliHost
{
    /// <param name="web">Serve the subscription endpoints too, as the function app's HTTP triggers do (`run`).</param>
    public static IHost Build(LogLevel logLevel, bool localMode = false, bool web = false)
    {
        if (web)
        {
            var webBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory(), Args = [] });
            Configure(webBuilder, logLevel, localMode);
            webBuilder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            // Core Tools' port, so links and bookmarks work with either host; ASPNETCORE_URLS or --urls change it.
            webBuilder.WebHost.UseUrls(webBuilder.Configuration["urls"] ?? "http://localhost:7071");
            var app = webBuilder.Build();
            app.MapSubscriptionEndpoints();
            return app;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        Configure(builder, logLevel, localMode);
        return builder.Build();
    }

    private static void Configure(IHostApplicationBuilder builder, LogLevel logLevel, bool localMode)
    {
        if (localMode)
        {
            // Local mode: tests and demos serve feeds on localhost.
            builder.Configuration.AddInMemoryCollection([new("NewsWatch:Feeds:AllowLoopback", "true")]);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A failed start is reported by RunAsync in one line; the host's own report is a page of stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.AddNewsWatch();
    }

    /// <summary>Starts the host (which creates queues and tables), runs the command, and turns
    /// an unreachable storage account into one clear line instead of a stack trace.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning, bool localMode = false, bool web = false)
    {
        using var host = Build(logLevel, localMode, web);
        try
        {
            await host.StartAsync(cancellationToken);

            // The host's console lifetime takes Ctrl+C and SIGTERM for itself: commands stop on its signal.
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var exitCode = await command(host.Services, stopping.Token);
            await host.StopAsync(CancellationToken.None);
            return exitCode;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException { InnerException: RequestFailedException })
        {
            var storage = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            var reason = (ex as AggregateException)?.InnerException?.Message ?? ex.Message;
            await Console.Error.WriteLineAsync($"newswatch: storage is not reachable ({Describe(storage.ConnectionString)}): {reason.Split('\n')[0]}");
            await Console.Error.WriteLineAsync("Is Azurite running? `npm run azurite` starts it; AzureWebJobsStorage names another account.");
            return 3;
        }
    }

    /// <summary>Bad input: one line on standard error and exit code 2.</summary>
    public static async Task<int> Fail(string error)
    {
        await Console.Error.WriteLineAsync("newswatch: " + error);
        return 2;
    }

    private static string Describe(string connectionString) =>
        connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            ? "Azurite on its default ports"
            : connectionString.Split(';').FirstOrDefault(p => p.StartsWith("QueueEndpoint=", StringComparison.OrdinalIgnoreCase))
                ?? connectionString.Split(';').FirstOrDefault(p => p.StartsWith("AccountName=", StringComparison.OrdinalIgnoreCase))
                ?? "AzureWebJobsStorage";
}

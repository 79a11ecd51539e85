using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>The services the function app runs with (AddNewsWatch), pointed at Azurite and the fake SendGrid.</summary>
public static class PipelineHost
{
    public static async Task<IHost> StartAsync(string storage, Uri sendGrid, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["NewsWatch:Feeds:AllowLoopback"] = "true",
            ["NewsWatch:SendGrid:ApiKey"] = FakeSendGrid.ApiKey,
            ["NewsWatch:SendGrid:Host"] = sendGrid.AbsoluteUri.TrimEnd('/'),
            ["NewsWatch:Email:From"] = "alerts@newswatch.example",
            ["NewsWatch:SendGrid:RetryBaseDelay"] = "00:00:00.020", // SendGrid's 5xx are retried in the sender: quickly, in tests
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock); // AddNewsWatch keeps a TimeProvider already registered
        }

        builder.AddNewsWatch();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static T Get<T>(this IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();
}
